package io.faultline.sut.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.OnLeaseLoss;
import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

/** Five Redis nodes and three ZooKeeper servers on this machine, broken on purpose. */
class LocalClusterIT {
    private static final Duration SESSION = Duration.ofSeconds(2);
    /**
     * How long a failover may take: the session expires (one timeout, plus ZooKeeper's expiry tick), an
     * agent takes the lease and promotes its Redis, the client learns the new master; the rest is room
     * for a machine busy with other work.
     */
    private static final Duration FAILOVER = SESSION.multipliedBy(3);
    /** How long replicas may take to acknowledge a write (a replica acks once a second, more when loaded). */
    private static final Duration REPLICATED = SESSION.multipliedBy(2);

    @AfterEach
    void nothingWeStartedIsStillRunning() {
        assertThat(Await.until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
                Duration.ofSeconds(10), Duration.ofMillis(100)))
                .as("child processes still alive: %s", ProcessHandle.current().descendants()
                        .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList())
                .isTrue();
    }

    @ParameterizedTest(name = "onLeaseLoss {0}")
    @EnumSource(OnLeaseLoss.class)
    void aKilledMasterIsReplacedOnceItsSessionExpiresAndAPausedMasterBehavesAsOnLeaseLossSays(OnLeaseLoss mode)
            throws Exception {
        // kept after the run (target/it-work/...): the nodes' and agents' logs explain a failure
        Path work = ItWork.fresh("LocalClusterIT-" + mode);
        ClusterSpec spec = ClusterSpec.builder().nodes(5).zookeepers(3).sessionTimeout(SESSION).onLeaseLoss(mode)
                .workDir(work).build();
        try (LocalCluster cluster = LocalCluster.create(spec)) {
            cluster.start();
            try (ShardedClient client = ShardedClient.connect(cluster.clientConfig().build())) {
                for (int i = 0; i < 20; i++) {
                    Outcome<Void> write = client.write("k" + i, "v" + i);
                    assertThat(write.kind()).as("write k%d: %s", i, write).isEqualTo(Outcome.Kind.OK);
                }
                assertRead(client, "k7", "v7");

                Lease first = lease(cluster);
                // Replication is asynchronous: let every replica have the writes before the master dies.
                // WAIT counts the replicas that have this connection's own last write, so it must follow a
                // write on this connection (a WAIT on a connection that wrote nothing returns at once);
                // the master's stream is ordered, so a replica that has the fence has all writes before it.
                try (Jedis master = new Jedis(first.redisAddress().getHostString(), first.redisAddress().getPort(),
                        (int) REPLICATED.multipliedBy(2).toMillis())) {
                    master.set("fence", "after k0..k19");
                    assertThat(master.waitReplicas(spec.nodes() - 1, REPLICATED.toMillis()))
                            .as("replicas acknowledging the writes within %s", REPLICATED).isEqualTo(spec.nodes() - 1);
                }
                long killedAt = System.nanoTime();
                cluster.kill(first.node());
                Lease second = awaitNewMasterServingWrites(cluster, client, first, FAILOVER);
                long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.printf("[%s] %s killed; %s master at epoch %d serving writes after %d ms%n",
                        mode, first.node(), second.node(), second.epoch(), failoverMillis);
                assertRead(client, "k7", "v7");

                cluster.startNode(first.node());
                // a restart is a start: the agent's JVM, then a full sync (Redis waits repl-diskless-sync-delay, 5 s,
                // before it) -- the same bound the cluster gives itself to become ready
                assertThat(Await.until(() -> inSync(cluster, first.node()), spec.startTimeout(), Duration.ofMillis(50)))
                        .as("%s restarted after the kill follows the new master", first.node()).isTrue();

                try (Jedis old = new Jedis(cluster.redisAddress(second.node()).getHostString(),
                        cluster.redisAddress(second.node()).getPort(), 2000)) {
                    assertThat(role(old)).isEqualTo("master");
                    cluster.pause(second.node());
                    Lease third = awaitNewMasterServingWrites(cluster, client, second, FAILOVER.plus(SESSION));
                    cluster.resume(second.node());
                    String roleOnResume = role(old);
                    String writeOnResume = tryWrite(old, "split-brain", "written-to-" + second.node());
                    System.out.printf("[%s] %s paused, %s took over at epoch %d; on resume %s says %s and a write gets %s%n",
                            mode, second.node(), third.node(), third.epoch(), second.node(), roleOnResume, writeOnResume);
                    if (mode == OnLeaseLoss.KEEP) {
                        assertThat(roleOnResume).isEqualTo("master");
                        assertThat(writeOnResume).isEqualTo("OK");
                    } else {
                        assertThat(writeOnResume).matches("(NOREPLICAS|READONLY|MASTERDOWN).*");
                    }
                    assertThat(Await.until(() -> role(old).equals("slave"), FAILOVER, Duration.ofMillis(50)))
                            .as("%s follows the new master in the end", second.node()).isTrue();
                }
                Outcome<String> splitBrain = client.read("split-brain");
                assertThat(splitBrain.kind()).as("read split-brain: %s", splitBrain).isEqualTo(Outcome.Kind.OK);
                assertThat(splitBrain.value()).as("a write to the old master is not in the new one").isNull();
                Outcome<Void> after = client.write("after", "all");
                assertThat(after.kind()).as("%s", after).isEqualTo(Outcome.Kind.OK);
            }
        }
    }

    @Test
    void agentsCutFromZooKeeperFailTheStartNamingTheCauseAndLeaveNothingRunning(@TempDir Path tmp)
            throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        List<String> links = Collections.synchronizedList(new ArrayList<>());
        int deadPort = closedPort;
        LinkRouter cutFromZooKeeper = (from, to, kind, target) -> {
            links.add(kind + " " + from + "->" + to);
            return kind == LinkKind.AGENT_TO_ZOOKEEPER
                    ? new InetSocketAddress("127.0.0.1", deadPort) : target;
        };
        ClusterSpec spec = ClusterSpec.builder().nodes(3).zookeepers(1).startTimeout(Duration.ofSeconds(4))
                .workDir(tmp.resolve("work")).pidDir(tmp.resolve("pids")).build();
        try (LocalCluster cluster = LocalCluster.create(spec, cutFromZooKeeper)) {
            assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                    .hasMessageContaining("g1 has no lease holder").hasMessageContaining("AGENT_TO_ZOOKEEPER")
                    .hasMessageContaining("agent.log");
        }
        assertThat(links).containsExactlyInAnyOrder(
                "AGENT_TO_ZOOKEEPER n1->zk1", "AGENT_TO_ZOOKEEPER n2->zk1", "AGENT_TO_ZOOKEEPER n3->zk1",
                "REPLICATION n1->n2", "REPLICATION n1->n3", "REPLICATION n2->n1",
                "REPLICATION n2->n3", "REPLICATION n3->n1", "REPLICATION n3->n2");
        try (var records = Files.list(tmp.resolve("pids"))) {
            assertThat(records).isEmpty();
        }
    }

    /** Asserts the read's outcome kind first (a failed read is not a lost write), then its value. */
    private static void assertRead(ShardedClient client, String key, String expected) {
        Outcome<String> read = client.read(key);
        System.out.printf("read %s: %s%n", key, read);
        assertThat(read.kind()).as("read %s: %s", key, read).isEqualTo(Outcome.Kind.OK);
        assertThat(read.value()).as("read %s: %s", key, read).isEqualTo(expected);
    }

    private static Lease lease(Cluster cluster) throws Exception {
        return cluster.leaseStatus().lease("g1").orElseThrow();
    }

    private static Lease awaitNewMasterServingWrites(Cluster cluster, ShardedClient client, Lease old, Duration within) {
        AtomicReference<Lease> next = new AtomicReference<>();
        boolean done = Await.until(() -> {
            try {
                Lease now = lease(cluster);
                if (now.node().equals(old.node()) || now.epoch() <= old.epoch()) {
                    return false;
                }
                next.set(now);
                return client.write("probe", now.node()).isOk();
            } catch (Exception e) {
                return false;
            }
        }, within, Duration.ofMillis(20));
        assertThat(done).as("a new master after %s lost its lease, within %s", old.node(), within).isTrue();
        return next.get();
    }

    private static boolean inSync(Cluster cluster, String node) {
        try (Jedis j = new Jedis(cluster.redisAddress(node).getHostString(), cluster.redisAddress(node).getPort(), 500)) {
            return j.info("replication").contains("master_link_status:up");
        }
    }

    private static String role(Jedis jedis) {
        Object kind = jedis.role().get(0);
        return kind instanceof byte[] b ? new String(b) : String.valueOf(kind);
    }

    private static String tryWrite(Jedis jedis, String key, String value) {
        try {
            return jedis.set(key, value);
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
