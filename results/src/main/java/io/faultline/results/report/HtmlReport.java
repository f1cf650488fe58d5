package io.faultline.results.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@link ReportModel} as one self-contained HTML file: the page template, its style and script
 * (resources beside this class), Chart.js from its webjar, the model as script-safe JSON, and the timeline
 * as gzip+base64 (decompressed in the browser with {@code DecompressionStream}).
 *
 * <p>The page has a Content-Security-Policy that forbids every network request; all history data reaches
 * the DOM as text. Stateless; thread-safe.
 */
public final class HtmlReport {

    static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private static final String TEMPLATE = "report.html";
    /** The page's own scripts, concatenated in this order into one script element. */
    private static final String[] APP_SCRIPTS = {"dom.js", "summary.js", "charts.js", "timeline.js", "findings.js", "main.js"};
    private static final String[] SLOTS = {"/*@STYLE@*/", "@DATA@", "@TIMELINE@", "/*@CHARTJS@*/", "/*@APP@*/"};

    private HtmlReport() {
    }

    /** Writes the page to a stream, which is left open. */
    public static void write(ReportModel model, OutputStream out) throws IOException {
        String template = resource(TEMPLATE);
        int from = 0;
        for (String slot : SLOTS) {
            int at = template.indexOf(slot, from);
            if (at < 0) throw new IllegalStateException("report template lacks the slot " + slot);
            out.write(template.substring(from, at).getBytes(StandardCharsets.UTF_8));
            fill(slot, model, out);
            from = at + slot.length();
        }
        out.write(template.substring(from).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void fill(String slot, ReportModel model, OutputStream out) throws IOException {
        switch (slot) {
            case "/*@STYLE@*/" -> out.write(inlineable(resource("report.css"), "report.css"));
            case "@DATA@" -> ScriptSafeJson.mapper().writeValue(new KeepOpen(out), model);
            case "@TIMELINE@" -> writeTimeline(model.timeline(), out);
            case "/*@CHARTJS@*/" -> out.write(inlineable(resource(CHART_JS), "chart.umd.js"));
            case "/*@APP@*/" -> {
                for (String script : APP_SCRIPTS) {
                    out.write(inlineable(resource(script), script));
                    out.write('\n');
                }
            }
            default -> throw new IllegalStateException("unknown slot " + slot);
        }
    }

    private static void writeTimeline(TimelineData timeline, OutputStream out) throws IOException {
        try (OutputStream b64 = Base64.getEncoder().wrap(new KeepOpen(out));
             GZIPOutputStream gz = new GZIPOutputStream(b64, 1 << 16)) {
            ScriptSafeJson.mapper().writeValue(new KeepOpen(gz), timeline);
        }
    }

    /** Text that may be inlined in a script or style element: it must not close it. */
    private static byte[] inlineable(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " contains </script, </style or <!-- and cannot be inlined");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** Passes writes through and ignores close, so nested encoders can be finished without closing the file. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
