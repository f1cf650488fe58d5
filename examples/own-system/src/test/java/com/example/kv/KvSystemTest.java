package com.example.kv;

import static io.faultline.junit.FaultlineAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.harness.runner.TestOutcome;
import io.faultline.junit.FaultlineExtension;
import io.faultline.junit.FaultlineTests;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faultline against the key-value store: adds while the primary is killed (and recovers from a
 * replica) every second. With the bug (acknowledge before replicating) acknowledged adds are lost,
 * and the test says which; without it none are.
 */
@ExtendWith(FaultlineExtension.class)
class KvSystemTest {

    private static TestOutcome run(FaultlineTests faultline, String bug) {
        return faultline.run(t -> t.system(new KvSystem()).option("bug", bug).workload("set")
                .nemesis("kill").target("primaries").concurrency(4).rate(200)
                .timeLimit(Duration.ofSeconds(8)).faultInterval(Duration.ofSeconds(1)).recovery(Duration.ofSeconds(1))
                .seed(7).name("kv-bug-" + bug));
    }

    @Test
    void withTheBugAcknowledgedAddsAreLost(FaultlineTests faultline) {
        TestOutcome outcome = run(faultline, "on");
        assertThat(outcome).isInvalid().hasLostWrites();
        // what a test expecting no loss would have said: the lost adds, by value, and the run directory
        assertThatThrownBy(() -> assertThat(outcome).hasNoLostWrites())
                .hasMessageContaining("acknowledged writes were lost: [").hasMessageContaining("run: ");
    }

    @Test
    void withoutTheBugNoAcknowledgedAddIsLost(FaultlineTests faultline) {
        TestOutcome outcome = run(faultline, "off");
        assertThat(outcome).isValid().hasNoLostWrites();
    }
}
