package io.faultline.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemOptionsTest {

    /** A system with one option of each type and a rule across two of them. */
    static final class Toy implements TestSystem {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public String description() {
            return "a toy";
        }

        @Override
        public List<SystemOption> options() {
            return List.of(SystemOption.integer("nodes", 3, 2, "nodes"), SystemOption.integer("groups", 1, 1, "groups"),
                    SystemOption.millis("timeout", 500, 1, "a timeout"),
                    SystemOption.choice("mode", List.of("safe", "fast"), "the mode"), SystemOption.path("binary", "a binary"), SystemOption.text("hosts", "", "hosts, none by default"));
        }

        @Override
        public void validate(SystemOptions o) {
            if (o.integer("groups") > o.integer("nodes")) throw new IllegalArgumentException("--groups must be <= --nodes");
        }

        @Override
        public List<String> runtimes() {
            return List.of("local");
        }

        @Override
        public List<String> workloads() {
            return List.of("set");
        }

        @Override
        public Db db(SystemOptions options, String runtime, LinkRouter links) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Workload workload(String name, SystemOptions options, Db db) {
            throw new UnsupportedOperationException();
        }
    }

    private final Toy toy = new Toy();

    @Test
    void theDefaultsApplyWhereNothingIsGivenAndTypedGettersReadTheValues() {
        SystemOptions o = SystemOptions.of(toy, Map.of("mode", "fast", "timeout", "250"));
        assertThat(o.integer("nodes")).isEqualTo(3);
        assertThat(o.millis("timeout").toMillis()).isEqualTo(250);
        assertThat(o.string("mode")).isEqualTo("fast");
        assertThat(o.path("binary")).isNull();
        assertThat(o.toArgs()).containsExactly("--nodes", "3", "--groups", "1", "--timeout", "250", "--mode", "fast");
    }

    @Test
    void theValuesARunningClusterRecordedIncludingAnEmptyDefaultAreAcceptedAgain() {
        SystemOptions first = SystemOptions.of(toy, Map.of());
        SystemOptions again = SystemOptions.of(toy, first.values());
        assertThat(again.string("hosts")).isEmpty();
        assertThat(again.values()).isEqualTo(first.values());
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("hosts", " "))).hasMessage("--hosts needs a one-line value");
    }

    @Test
    void anOptionTheSystemLacksIsOneLineNamingTheOnesItHas() {
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("replication", "sync")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system toy has no option --replication (its options: --nodes, --groups, --timeout, --mode, --binary, --hosts)");
    }

    @Test
    void badValuesNameTheOptionAndTheRule() {
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("nodes", "1"))).hasMessage("--nodes must be >= 2, was 1");
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("nodes", "many"))).hasMessage("--nodes must be a whole number, was 'many'");
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("mode", "slow"))).hasMessage("--mode must be one of safe, fast, was 'slow'");
        assertThatThrownBy(() -> SystemOptions.of(toy, Map.of("groups", "4"))).hasMessage("--groups must be <= --nodes");
    }

    @Test
    void theRegistryNamesTheKnownSystemsForAnUnknownOne() {
        assertThatThrownBy(() -> Systems.of(toy).get("nope")).hasMessage("unknown system 'nope' (known: toy)");
        assertThat(Systems.of(toy).get("toy")).isSameAs(toy);
    }

    @Test
    void theUsageLineShowsTheArgumentAndTheDefault() {
        assertThat(toy.options().get(3).usage()).isEqualTo("--mode safe|fast  the mode (default safe)");
    }
}
