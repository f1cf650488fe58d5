package io.faultline.checkers.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.Analysis;
import io.faultline.checkers.sim.Simulator;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.history.HistoryWriter;
import io.faultline.core.history.SplitByKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of a history split by key on disk gives the verdict of the check in memory. */
class SplitIndependentTest {

    @TempDir
    Path dir;

    private Result inMemory(Path file) {
        return Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(60)).check(HistoryReader.read(file));
    }

    private Result split(Path file, long budget) throws IOException {
        try (SplitByKey split = SplitByKey.split(file, budget, 8, dir)) {
            return Analysis.checkSplit("cas-register", null, false, Duration.ofSeconds(60), split);
        }
    }

    @Test
    void validAndInvalidHistoriesGetTheSameVerdictAndExplanation() throws IOException {
        for (double lost : new double[] {0, 0.02}) {
            History h = Simulator.generate(new Simulator.Config("cas-register", 10, 4000, 40, 0.1, 0.02, 5, lost, 11));
            Path file = dir.resolve("h" + lost + ".edn.gz");
            HistoryWriter.writeEdn(h, file);
            Result expected = inMemory(file);
            assertThat(expected.valid()).isEqualTo(lost == 0 ? Validity.TRUE : Validity.FALSE);
            for (long budget : new long[] {1 << 30, 2048}) {
                Result actual = split(file, budget);
                assertThat(actual.valid()).isEqualTo(expected.valid());
                assertThat(actual.explanation()).isEqualTo(expected.explanation());
                assertThat(actual.details().get("false-keys")).isEqualTo(expected.details().get("false-keys"));
                assertThat(actual.details().get("valid-keys")).isEqualTo(expected.details().get("valid-keys"));
            }
        }
    }

    @Test
    void opsWithoutKeysMakeItUnknownAsInMemory() throws IOException {
        History h = Simulator.generate(Simulator.Config.of("cas-register", 3, 100, 0.1, 0, 5));
        Path file = dir.resolve("single.edn");
        HistoryWriter.writeEdn(h, file);
        Result expected = inMemory(file);
        Result actual = split(file, 1 << 20);
        assertThat(actual.valid()).isEqualTo(expected.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(actual.explanation()).isEqualTo(expected.explanation());
    }
}
