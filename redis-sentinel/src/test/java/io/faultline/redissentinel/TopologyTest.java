package io.faultline.redissentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final Topology THREE = new Topology(3, 3, 2, Duration.ofMillis(2000), Duration.ofMillis(5000), 1, 10,
            Path.of("/usr/bin/redis-server"));

    @Test
    void nodesAndSentinelsHaveHostsOfTheirOwn() {
        assertThat(THREE.nodeNames()).containsExactly("n1", "n2", "n3");
        assertThat(THREE.sentinelNames()).containsExactly("s1", "s2", "s3");
        assertThat(THREE.firstPrimary()).isEqualTo("n1");
    }

    @Test
    void theFirstPrimaryHasNoReplicaofAndEveryServerHasTheMinReplicasSettings() {
        assertThat(THREE.redisCommand("10.0.0.2", null, Path.of("/d"))).doesNotContain("--replicaof")
                .containsSequence("--min-replicas-to-write", "1").containsSequence("--min-replicas-max-lag", "10")
                .containsSequence("--bind", "10.0.0.2").containsSequence("--save", "");
        assertThat(THREE.redisCommand("10.0.0.3", "10.0.0.2", Path.of("/d"))).containsSequence("--replicaof", "10.0.0.2", "6379");
    }

    @Test
    void aSentinelMonitorsTheFirstPrimaryWithTheQuorumAndTimeouts() {
        String config = THREE.sentinelConfig("10.0.0.5", "10.0.0.2", Path.of("/d"));
        assertThat(config).contains("sentinel monitor mymaster 10.0.0.2 6379 2")
                .contains("sentinel down-after-milliseconds mymaster 2000")
                .contains("sentinel failover-timeout mymaster 5000")
                .contains("bind 10.0.0.5").contains("port 26379");
        assertThat(THREE.sentinelCommand(Path.of("/d/sentinel.conf"))).containsExactly("/usr/bin/redis-server", "/d/sentinel.conf", "--sentinel");
    }

    @Test
    void aQuorumLargerThanTheSentinelsIsRefused() {
        assertThatThrownBy(() -> new Topology(3, 3, 4, Duration.ofMillis(1), Duration.ofMillis(1), 0, 10, Path.of("r")))
                .hasMessageContaining("--quorum");
    }
}
