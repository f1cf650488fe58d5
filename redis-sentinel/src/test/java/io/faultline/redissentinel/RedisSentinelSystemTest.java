package io.faultline.redissentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisSentinelSystemTest {
    private final RedisSentinelSystem system = new RedisSentinelSystem();

    private SystemOptions options(Map<String, String> given) {
        return SystemOptions.of(system, given);
    }

    @Test
    void itIsFoundByTheRegistryOfSystems() {
        assertThat(Systems.load().get("redis-sentinel")).isInstanceOf(RedisSentinelSystem.class);
    }

    @Test
    void itRunsOnlyInNetworkNamespacesWithTheSetWorkload() {
        assertThat(system.runtimes()).containsExactly("netns");
        assertThat(system.workloads()).containsExactly("set");
    }

    @Test
    void theSentinelsAreHostsAPartitionMayCut() {
        assertThat(system.extraHosts(options(Map.of("sentinels", "5")))).containsExactly("s1", "s2", "s3", "s4", "s5");
    }

    @Test
    void theQuorumIsAMajorityOfTheSentinelsUnlessGiven() {
        assertThat(RedisSentinelSystem.topology(options(Map.of("sentinels", "5", "redis-binary", "/bin/true"))).quorum()).isEqualTo(3);
        assertThat(RedisSentinelSystem.topology(options(Map.of("quorum", "1", "redis-binary", "/bin/true"))).quorum()).isEqualTo(1);
    }

    @Test
    void aQuorumAboveTheSentinelsIsRefusedInOneLine() {
        assertThatThrownBy(() -> system.validate(options(Map.of("quorum", "4")))).hasMessage("--quorum must be in 0..--sentinels (3), was 4");
    }

    @Test
    void aRangeTooSmallForEveryHostIsRefused() {
        assertThatThrownBy(() -> system.validate(options(Map.of("netns-range", "10.216.0.0/29", "nodes", "5", "sentinels", "5"))))
                .hasMessageContaining("--netns-range").hasMessageContaining("nodes and Sentinels");
    }

    @Test
    void theLabelNamesTheMinReplicasSetting() {
        assertThat(system.label(options(Map.of()))).isEqualTo("min-replicas-0");
        assertThat(system.label(options(Map.of("min-replicas-to-write", "1", "min-replicas-max-lag", "1")))).isEqualTo("min-replicas-1-lag-1");
    }

    @Test
    void anotherRuntimeIsRefusedNamingNetns() {
        assertThatThrownBy(() -> system.db(options(Map.of("redis-binary", "/bin/true")), "local", null)).hasMessageContaining("--runtime netns");
    }
}
