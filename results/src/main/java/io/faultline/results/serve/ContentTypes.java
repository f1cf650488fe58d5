package io.faultline.results.serve;

import java.nio.file.Path;
import java.util.Locale;

/** The content type of a store file, by its name; unknown files are served as plain text. Stateless. */
final class ContentTypes {

    private ContentTypes() {
    }

    static String of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".json")) return "application/json; charset=utf-8";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".gz")) return "application/gzip";
        if (name.endsWith(".zip")) return "application/zip";
        return "text/plain; charset=utf-8";
    }
}
