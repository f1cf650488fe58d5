package io.faultline.results.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * The link from a run made by {@code faultline shrink} back to the run it was shrunk from ({@code "shrunk-from"}
 * in its spec, the original run's directory).
 *
 * @param dir  the original run's directory as the spec gives it
 * @param href the original's report: relative to this run's directory when both are known (so it works in the
 *             store's web view and from a file), else a {@code file:} URI
 */
public record ShrunkFrom(String dir, String href) {

    /** The link of a spec, or null when it has no {@code "shrunk-from"}. */
    static ShrunkFrom of(Map<String, Object> spec, Path runDirectory) {
        Object from = spec.get("shrunk-from");
        if (!(from instanceof String s) || s.isBlank()) return null;
        Path original = Path.of(s);
        Path report = original.resolve("report.html");
        String href;
        if (runDirectory != null && original.isAbsolute() == runDirectory.isAbsolute()) {
            href = runDirectory.normalize().relativize(report.normalize()).toString().replace('\\', '/');
        } else {
            href = report.toAbsolutePath().toUri().toString();
        }
        return new ShrunkFrom(s, href);
    }
}
