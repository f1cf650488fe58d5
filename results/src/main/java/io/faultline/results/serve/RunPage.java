package io.faultline.results.serve;

import io.faultline.results.store.RunDirectory;
import io.faultline.results.store.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One run's page: its verdict and every file in its directory, with links. Stateless. */
final class RunPage {

    private static final int FILE_LIMIT = 2_000;

    private RunPage() {
    }

    static String render(RunDirectory run, Path storeRoot) {
        RunSummary s = run.summary();
        String base = "/runs/" + Html.segment(s.test()) + "/" + Html.segment(s.time()) + "/";
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<p><a href=\"/\">← all runs</a></p><h1>").append(Html.escape(s.test())).append(" <span class=\"badge v-")
                .append(Html.escape(s.verdict())).append("\">").append(Html.escape(IndexPage.label(s.verdict())))
                .append("</span></h1><p class=\"note\">").append(Html.escape(s.time())).append(" · <a href=\"/zip/")
                .append(Html.segment(s.test())).append("/").append(Html.segment(s.time())).append(".zip\">download as zip</a></p>")
                .append("<table><tr><th>file</th><th>size</th></tr>\n");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(run.path())) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().limit(FILE_LIMIT).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run.path(), e);
        }
        for (Path file : files) {
            Path rel = run.path().relativize(file);
            StringBuilder href = new StringBuilder(base);
            for (int i = 0; i < rel.getNameCount(); i++) {
                if (i > 0) href.append('/');
                href.append(Html.segment(rel.getName(i).toString()));
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            sb.append("<tr><td><a href=\"").append(href).append("\">").append(Html.escape(rel.toString().replace('\\', '/')))
                    .append("</a></td><td>").append(String.format(Locale.ROOT, "%,d", size)).append(" B</td></tr>\n");
        }
        sb.append("</table>");
        return Html.page(s.test() + " " + s.time(), sb.toString());
    }
}
