package io.faultline.sut.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.lease.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The failover scenario on containers: Redis nodes in Docker, agents and ZooKeeper on this host.
 * Skipped, with the reason, where no Docker engine answers.
 */
class DockerClusterIT {
    private static final Duration SESSION = Duration.ofSeconds(2);
    /** A failover: the session expires, an agent takes the lease and promotes; the rest is room for a busy machine. */
    private static final Duration FAILOVER = SESSION.multipliedBy(3);

    @BeforeAll
    static void dockerIsAvailable() {
        Optional<String> missing = DockerEngine.unavailableReason();
        assumeTrue(missing.isEmpty(), () -> "docker runtime tests skipped: " + missing.orElse("") + "; " + DockerEngine.REMEDY);
    }

    @Test
    void aKilledMastersNodeIsReplacedOnceItsSessionExpiresAndAPausedMasterLosesItsLease(@TempDir Path tmp) throws Exception {
        ClusterSpec spec = ClusterSpec.builder().nodes(3).zookeepers(1).sessionTimeout(SESSION).workDir(tmp).build();
        String runId;
        try (DockerCluster cluster = DockerCluster.create(spec, DockerOptions.fromEnvironment())) {
            runId = cluster.runId();
            cluster.start();
            assertThat(DockerLeftovers.remaining(DockerEngine.client(), runId)).hasSize(4); // 3 containers, 1 network
            try (ShardedClient client = ShardedClient.connect(cluster.clientConfig().build())) {
                Outcome<Void> written = client.write("k", "v1");
                assertThat(written.kind()).as("write k: %s", written).isEqualTo(Outcome.Kind.OK);

                Lease first = lease(cluster);
                long killedAt = System.nanoTime();
                cluster.kill(first.node());
                Lease second = awaitNewMaster(cluster, first);
                System.out.printf("%s killed; %s master after %d ms%n", first.node(), second.node(),
                        Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
                assertThat(cluster.isRunning(first.node())).isFalse();

                cluster.startNode(first.node());
                assertThat(poll(() -> replicationUp(cluster, first.node()), Duration.ofSeconds(20)))
                        .as("%s rejoins as a replica of %s", first.node(), second.node()).isTrue();
                assertThat(poll(() -> client.write("k", "v2").kind() == Outcome.Kind.OK, Duration.ofSeconds(10))).isTrue();

                long pausedAt = System.nanoTime();
                cluster.pause(second.node());
                Lease third = awaitNewMaster(cluster, second);
                System.out.printf("%s paused; %s master after %d ms%n", second.node(), third.node(),
                        Duration.ofNanos(System.nanoTime() - pausedAt).toMillis());
                assertThat(third.node()).isNotEqualTo(second.node());
                cluster.resume(second.node());
                assertThat(poll(() -> replicationUp(cluster, second.node()), Duration.ofSeconds(20)))
                        .as("the resumed old master %s follows %s", second.node(), third.node()).isTrue();
            }
            assertThat(cluster.logFiles("n1").get(0)).content().contains("Ready to accept connections");
        }
        assertThat(DockerLeftovers.remaining(DockerEngine.client(), runId)).isEmpty();
    }

    @Test
    void aClusterThatFailsToStartLeavesNoContainerOrNetworkBehind(@TempDir Path tmp) {
        ClusterSpec spec = ClusterSpec.builder().nodes(2).zookeepers(1).workDir(tmp).build();
        DockerCluster cluster = DockerCluster.create(spec, DockerOptions.fromEnvironment()
                .withImage("faultline/no-such-image:0"));
        assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("faultline/no-such-image:0").hasMessageContaining("local-images.sh");
        assertThat(DockerLeftovers.remaining(DockerEngine.client(), cluster.runId())).isEmpty();
    }

    @Test
    void aFailureInsideTheTestStillRemovesEverything(@TempDir Path tmp) {
        ClusterSpec spec = ClusterSpec.builder().nodes(1).zookeepers(1).workDir(tmp).build();
        DockerCluster[] started = new DockerCluster[1];
        assertThatThrownBy(() -> {
            try (DockerCluster cluster = DockerCluster.create(spec, DockerOptions.fromEnvironment())) {
                started[0] = cluster;
                cluster.start();
                throw new AssertionError("a failing test");
            }
        }).hasMessage("a failing test");
        assertThat(DockerLeftovers.remaining(DockerEngine.client(), started[0].runId())).isEmpty();
    }

    @Test
    void theSweepRemovesContainersOfADeadHarnessButNotOfALiveOne() throws Exception {
        String image = DockerEngine.resolveImage(DockerOptions.fromEnvironment());
        DockerEngine.ensureImage(image, Duration.ofMinutes(2));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        java.util.Map<String, String> deadOwner = new java.util.HashMap<>(DockerLeftovers.labels("sweeptest"));
        deadOwner.put(DockerLeftovers.OWNER_PID_LABEL, Long.toString(dead.pid()));
        var docker = DockerEngine.client();
        String orphan = docker.createContainerCmd(image).withName("faultline-sweeptest-orphan").withLabels(deadOwner).exec().getId();
        String ours = docker.createContainerCmd(image).withName("faultline-sweeptest-ours")
                .withLabels(DockerLeftovers.labels("sweeptest")).exec().getId();
        try {
            assertThat(DockerLeftovers.sweep(docker)).contains("container faultline-sweeptest-orphan");
            assertThat(DockerLeftovers.remaining(docker, "sweeptest")).containsExactly("container faultline-sweeptest-ours");
        } finally {
            for (String id : new String[] {orphan, ours}) {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                    // swept
                }
            }
        }
    }

    private static Lease lease(DockerCluster cluster) throws Exception {
        return cluster.leaseStatus().lease("g1").orElseThrow();
    }

    private static Lease awaitNewMaster(DockerCluster cluster, Lease old) {
        Lease[] found = new Lease[1];
        boolean moved = poll(() -> {
            Optional<Lease> now = cluster.leaseStatus().lease("g1");
            if (now.isPresent() && !now.get().node().equals(old.node())) {
                try (Jedis j = new Jedis(cluster.redisAddress(now.get().node()).getHostString(),
                        cluster.redisAddress(now.get().node()).getPort(), 300)) {
                    if (j.info("replication").contains("role:master")) {
                        found[0] = now.get();
                        return true;
                    }
                }
            }
            return false;
        }, FAILOVER);
        assertThat(moved).as("a node other than %s became master within %s", old.node(), FAILOVER).isTrue();
        return found[0];
    }

    private static boolean replicationUp(DockerCluster cluster, String node) {
        try (Jedis j = new Jedis(cluster.redisAddress(node).getHostString(), cluster.redisAddress(node).getPort(), 300)) {
            return j.info("replication").contains("master_link_status:up");
        }
    }

    /** Polls every 50 ms until the condition holds or the deadline passes (a throwing condition is false). */
    static boolean poll(ThrowingCondition condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (Exception ignored) {
                // not yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @FunctionalInterface
    interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
