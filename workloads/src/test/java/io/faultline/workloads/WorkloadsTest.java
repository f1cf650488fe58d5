package io.faultline.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    @Test
    void everyNamedWorkloadHasAChecker() {
        for (String name : Workloads.NAMES) {
            assertThat(Workloads.checker(name, Duration.ofSeconds(1))).isNotNull();
        }
    }

    @Test
    void anUnknownWorkloadIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Workloads.checker("queue", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown workload 'queue' (known: register, set, counter)");
    }
}
