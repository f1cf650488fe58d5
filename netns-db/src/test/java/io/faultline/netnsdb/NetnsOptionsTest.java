package io.faultline.netnsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetnsOptionsTest {

    /** The smallest system with the common options. */
    private static final TestSystem SYSTEM = new TestSystem() {
        public String name() { return "tiny"; }
        public String description() { return "tiny"; }
        public List<SystemOption> options() { return NetnsOptions.common(3, 1000); }
        public void validate(SystemOptions o) { NetnsOptions.validate(o); }
        public List<String> runtimes() { return List.of(NetnsOptions.RUNTIME); }
        public List<String> workloads() { return List.of(); }
        public Db db(SystemOptions o, String runtime, LinkRouter links) { throw new UnsupportedOperationException(); }
        public Workload workload(String name, SystemOptions o, Db db) { throw new UnsupportedOperationException(); }
    };

    @Test
    void theNodesAreNamedOneToN() {
        assertThat(NetnsOptions.nodes(SystemOptions.of(SYSTEM, Map.of("nodes", "5")))).containsExactly("n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void theStartTimeoutIsAnOptionInMilliseconds() {
        assertThat(NetnsOptions.startTimeout(SystemOptions.of(SYSTEM, Map.of("start-timeout", "2500")))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aBadRangeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> SystemOptions.of(SYSTEM, Map.of("netns-range", "10.215.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--netns-range");
    }

    @Test
    void aRangeWithoutRoomForTheNodesIsRefused() {
        assertThatThrownBy(() -> SystemOptions.of(SYSTEM, Map.of("nodes", "7", "netns-range", "10.215.0.0/29")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(--nodes)");
    }
}
