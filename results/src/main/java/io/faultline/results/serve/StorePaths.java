package io.faultline.results.serve;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses request paths of the store server and resolves files inside a run, refusing anything that could
 * leave the store: a segment that is empty, {@code .}, {@code ..}, hidden (starting with a dot), or holds
 * a slash, backslash or NUL after decoding; and a file whose real path (symbolic links followed) is not
 * inside the run's real directory. Stateless.
 */
final class StorePaths {

    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\x00]+");

    enum Kind { INDEX, RUN, FILE, ZIP }

    /**
     * @param kind what is asked for
     * @param test the test name (RUN, FILE, ZIP)
     * @param time the run directory name (RUN, FILE, ZIP)
     * @param file the file path inside the run, segments joined by {@code /} (FILE)
     */
    record Target(Kind kind, String test, String time, String file) {
    }

    private StorePaths() {
    }

    /** The target of a raw (still percent-encoded) request path, or empty when it is not a safe store path. */
    static Optional<Target> parse(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/") || rawPath.equals("/index.html")) {
            return Optional.of(new Target(Kind.INDEX, null, null, null));
        }
        List<String> segments = new ArrayList<>();
        String[] raw = rawPath.split("/", -1);
        for (int i = 1; i < raw.length; i++) {
            if (i == raw.length - 1 && raw[i].isEmpty()) break; // a trailing slash
            String s;
            try {
                s = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!SEGMENT.matcher(s).matches() || s.startsWith(".")) return Optional.empty();
            segments.add(s);
        }
        if (segments.size() == 3 && segments.get(0).equals("zip") && segments.get(2).endsWith(".zip")) {
            String time = segments.get(2).substring(0, segments.get(2).length() - 4);
            return time.isEmpty() ? Optional.empty() : Optional.of(new Target(Kind.ZIP, segments.get(1), time, null));
        }
        if (segments.size() >= 3 && segments.get(0).equals("runs")) {
            if (segments.size() == 3) return Optional.of(new Target(Kind.RUN, segments.get(1), segments.get(2), null));
            return Optional.of(new Target(Kind.FILE, segments.get(1), segments.get(2),
                    String.join("/", segments.subList(3, segments.size()))));
        }
        return Optional.empty();
    }

    /** The file at a relative path inside a run directory, if it is really inside it (and the store). */
    static Optional<Path> resolveInside(Path storeRoot, Path runDir, String relative) {
        try {
            Path realRun = runDir.toRealPath();
            Path realRoot = storeRoot.toRealPath();
            if (!realRun.startsWith(realRoot)) return Optional.empty();
            Path candidate = realRun.resolve(relative).normalize();
            if (!candidate.startsWith(realRun) || !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRun) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
