package io.faultline.checkers.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.HistoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import us.bpsm.edn.Keyword;

/** Every Knossos example history gets the verdict Knossos gives it, read from the shared corpus. */
class KnossosCorpusTest {

    static Path corpus() {
        String shared = System.getProperty("faultline.shared", "../shared");
        return Path.of(shared, "histories", "knossos");
    }

    @TestFactory
    Stream<DynamicTest> every_knossos_history_gets_the_expected_verdict() throws IOException {
        Path root = corpus();
        assumeTrue(Files.isDirectory(root), "the Knossos corpus is absent at " + root.toAbsolutePath()
                + " (set -Dfaultline.shared=DIR holding histories/knossos)");
        Map<Object, Object> xy = Map.of(Keyword.newKeyword("x"), 0L, Keyword.newKeyword("y"), 0L);
        List<Case> cases = List.of(
                new Case("cas-register/good", Analysis.checkerFor("cas-register", false, 0L, true, Duration.ofSeconds(60)), Validity.TRUE),
                new Case("cas-register/bad", Analysis.checkerFor("cas-register", false, 0L, true, Duration.ofSeconds(60)), Validity.FALSE),
                new Case("multi-register/good", Analysis.checkerFor("multi-register", false, xy, true, Duration.ofSeconds(60)), Validity.TRUE),
                new Case("mutex/bad", Analysis.checkerFor("mutex", false, null, true, Duration.ofSeconds(60)), Validity.FALSE));
        return cases.stream().flatMap(c -> files(root.resolve(c.folder)).map(file -> DynamicTest.dynamicTest(
                c.folder + "/" + file.getFileName(), () -> {
                    Result r = c.checker.check(HistoryReader.read(file));
                    assertThat(r.valid()).as("%s: %s", file, r.explanation()).isEqualTo(c.expected);
                    if (c.expected == Validity.FALSE) assertThat(r.details()).containsKey("counterexample");
                })));
    }

    private static Stream<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".edn")).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Case(String folder, Checker checker, Validity expected) {
    }
}
