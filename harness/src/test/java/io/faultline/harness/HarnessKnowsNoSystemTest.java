package io.faultline.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The harness is generic: its main code imports nothing of the bundled system under test (nor its
 * Redis client); that system is a plug-in found with ServiceLoader. Scans the sources, so that a
 * wildcard or a fully qualified name in an import fails as well.
 */
class HarnessKnowsNoSystemTest {

    private static final List<String> FORBIDDEN = List.of("import io.faultline.sut", "import static io.faultline.sut",
            "import io.faultline.rediszk", "import redis.clients");

    @Test
    void noMainSourceImportsTheBundledSystem() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().map(String::strip)
                            .filter(line -> FORBIDDEN.stream().anyMatch(line::startsWith))
                            .map(line -> main.relativize(p) + ": " + line);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offending).as("imports of the bundled system in harness/src/main").isEmpty();
        }
    }
}
