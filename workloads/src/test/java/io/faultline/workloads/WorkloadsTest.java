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

    @Test
    void everyNamedWorkloadIsMadeWithTheClientItIsGiven() {
        io.faultline.core.client.Client client = new io.faultline.core.client.Client() {
            @Override
            public io.faultline.core.client.Client open(String node) {
                return this;
            }

            @Override
            public io.faultline.core.op.Op invoke(io.faultline.core.op.Op op) {
                return op.ok(op.value());
            }

            @Override
            public void close() {
            }
        };
        for (String name : Workloads.NAMES) {
            assertThat(Workloads.create(name, client).name()).isEqualTo(name);
            assertThat(Workloads.create(name, client).client()).isSameAs(client);
        }
        assertThatThrownBy(() -> Workloads.create("queue", client)).hasMessageContaining("known: register, set, counter");
    }
}
