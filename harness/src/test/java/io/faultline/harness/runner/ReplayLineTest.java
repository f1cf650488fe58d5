package io.faultline.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rerun line a run records: the arguments as given, with --faults pointing at the run's executed schedule. */
class ReplayLineTest {

    private static final Path EXECUTED = Path.of("store/t/1/faults.edn");

    @Test
    void aRandomScheduleIsReplayedFromTheRunsExecutedFaults() {
        List<String> line = Runner.replayLine(List.of("./faultline", "test", "--workload", "set", "--seed", "7"), EXECUTED);

        assertThat(line).containsExactly("./faultline", "test", "--workload", "set", "--seed", "7", "--faults",
                "store/t/1/faults.edn");
    }

    @Test
    void anEarlierFaultsFileIsReplacedInEitherSpelling() {
        assertThat(Runner.replayLine(List.of("faultline", "test", "--faults", "mine.edn", "--seed", "7"), EXECUTED))
                .containsExactly("faultline", "test", "--seed", "7", "--faults", "store/t/1/faults.edn");
        assertThat(Runner.replayLine(List.of("faultline", "test", "--faults=mine.edn"), EXECUTED))
                .containsExactly("faultline", "test", "--faults", "store/t/1/faults.edn");
    }
}
