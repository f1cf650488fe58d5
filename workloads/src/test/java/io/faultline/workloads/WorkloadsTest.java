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

    @Test
    void keysChangeTheRegisterGeneratorAndAKeyedSetClientAndNothingElse() {
        int[] asked = {0};
        KeyedClient keyed = new KeyedClient() {
            @Override
            public io.faultline.core.client.Client withKeys(int keys) {
                asked[0] = keys;
                return this;
            }

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
        io.faultline.core.system.Workload register = Workloads.create("register", keyed);
        assertThat(Workloads.withKeys(register, 0)).isSameAs(register);
        assertThat(Workloads.withKeys(register, 1).generator()).isNotEqualTo(register.generator());
        Workloads.create("set", keyed, 2);
        assertThat(asked[0]).isEqualTo(2);
        io.faultline.core.system.Workload counter = Workloads.create("counter", keyed);
        assertThat(Workloads.withKeys(counter, 2)).isSameAs(counter);
        assertThatThrownBy(() -> Workloads.withKeys(register, -1)).hasMessage("--keys must be >= 1, was -1");
        assertThat(Workloads.defaultKeys("register")).isEqualTo(3);
        assertThat(Workloads.defaultKeys("set")).isEqualTo(8);
        assertThat(Workloads.defaultKeys("counter")).isZero();
    }
}
