package io.faultline.junit;

import static io.faultline.junit.FaultlineAssertions.assertThat;

import io.faultline.harness.runner.TestOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's own short Faultline test in {@code mvn verify}, written as a user would: a set
 * workload on the safe settings (sync replication, demote on lease loss) while the primary is
 * isolated, and the assertion that no acknowledged add was lost.
 */
@ExtendWith(FaultlineExtension.class)
class FaultlineExtensionIT {

    @Test
    void acknowledgedAddsSurviveAnIsolatedPrimaryOnTheSafeSettings(FaultlineTests faultline) {
        TestOutcome outcome = faultline.run(t -> t.workload("set").nemesis("partition").partition("primaries")
                .option("replication", "sync").option("on-lease-loss", "demote")
                .timeLimit(Duration.ofSeconds(12)).faultInterval(Duration.ofSeconds(4))
                .recovery(Duration.ofSeconds(3)).seed(42).name("junit-set-safe"));
        assertThat(outcome).isValid().hasNoLostWrites();
    }
}
