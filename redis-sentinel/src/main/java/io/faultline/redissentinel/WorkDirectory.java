package io.faultline.redissentinel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The working directory of one run's processes (their directories, logs and Sentinel configurations,
 * copied into the run directory at the end): {@code <parent>/faultline-redis-sentinel-<pid>-<random>},
 * named by the JVM that made it, so that the next run removes the directories of JVMs that died
 * without removing their own (a {@code kill -9}). Not thread-safe; one per Db.
 */
final class WorkDirectory {
    static final String PREFIX = "faultline-redis-sentinel-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private WorkDirectory() {
    }

    /** Removes what dead JVMs left in {@code parent}, then makes a new directory there for this JVM. */
    static Path create(Path parent) throws IOException {
        sweep(parent);
        return Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** The directories in {@code parent} of JVMs that no longer run, removed; returns them. */
    static List<Path> sweep(Path parent) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                Optional<Long> owner = owner(dir.getFileName().toString());
                if (owner.isPresent() && ProcessHandle.of(owner.get()).map(ProcessHandle::isAlive).orElse(false)) continue;
                if (owner.isEmpty()) continue; // not one of ours
                delete(dir);
                removed.add(dir);
            }
        }
        return removed;
    }

    /** The pid in a directory name of ours. */
    static Optional<Long> owner(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Deletes {@code dir} and everything in it; nothing if it is gone. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
