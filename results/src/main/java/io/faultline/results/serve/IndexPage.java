package io.faultline.results.serve;

import io.faultline.results.store.RunDirectory;
import io.faultline.results.store.RunSummary;
import java.util.List;
import java.util.Locale;

/** The list of runs: newest first, verdict colour, test, time, key figures, links. Stateless. */
final class IndexPage {

    private IndexPage() {
    }

    static String render(List<RunDirectory> runs) {
        StringBuilder sb = new StringBuilder(1024 + runs.size() * 400);
        sb.append("<h1>Faultline runs</h1>\n");
        if (runs.isEmpty()) {
            sb.append("<p class=\"note\">The store holds no runs yet.</p>");
            return Html.page("Faultline runs", sb.toString());
        }
        sb.append("<p class=\"note\">").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(", newest first.</p>\n<table><tr><th>verdict</th><th>test</th><th>time</th><th>ops</th>"
                        + "<th>ok / fail / info</th><th>faults</th><th>duration</th><th>checkers</th><th></th></tr>\n");
        for (RunDirectory run : runs) {
            RunSummary s = run.summary();
            String base = "/runs/" + Html.segment(s.test()) + "/" + Html.segment(s.time());
            sb.append("<tr class=\"run v-").append(Html.escape(s.verdict())).append("\">")
                    .append("<td><span class=\"badge v-").append(Html.escape(s.verdict())).append("\">")
                    .append(Html.escape(label(s.verdict()))).append("</span></td>")
                    .append("<td>").append(Html.escape(s.test())).append("</td>")
                    .append("<td><a href=\"").append(base).append("/report.html\">").append(Html.escape(s.time()))
                    .append("</a></td>")
                    .append("<td>").append(count(s.ops())).append("</td>")
                    .append("<td>").append(count(s.ok())).append(" / ").append(count(s.fail())).append(" / ")
                    .append(count(s.info())).append("</td>")
                    .append("<td>").append(count(s.faults())).append("</td>")
                    .append("<td>").append(s.seconds() < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", s.seconds()))
                    .append("</td><td>");
            s.checkers().forEach((name, verdict) -> {
                if (!name.equals("overall") && !name.contains(" / ")) {
                    sb.append("<span class=\"chip v-").append(Html.escape(verdict)).append("\">").append(Html.escape(name))
                            .append("</span> ");
                }
            });
            sb.append("</td><td><a href=\"").append(base).append("/\">files</a> · <a href=\"/zip/")
                    .append(Html.segment(s.test())).append("/").append(Html.segment(s.time()))
                    .append(".zip\">zip</a></td></tr>\n");
        }
        sb.append("</table>");
        return Html.page("Faultline runs", sb.toString());
    }

    static String label(String verdict) {
        return switch (verdict) {
            case "true" -> "valid";
            case "false" -> "invalid";
            case "unknown" -> "unknown";
            default -> "no verdict";
        };
    }

    private static String count(long n) {
        return n < 0 ? "—" : String.format(Locale.ROOT, "%,d", n);
    }
}
