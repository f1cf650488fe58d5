package io.faultline.sut.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Work directories of integration tests that outlive the test (under {@code target/it-work}), so
 * that the nodes' and agents' logs can explain a failure afterwards; emptied when a test reuses one.
 */
final class ItWork {
    private ItWork() {
    }

    /** An empty directory {@code target/it-work/name} (its previous content deleted). */
    static Path fresh(String name) {
        Path dir = Path.of("target", "it-work", name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }
}
