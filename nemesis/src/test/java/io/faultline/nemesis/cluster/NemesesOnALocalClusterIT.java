package io.faultline.nemesis.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.network.PartitionNemesis;
import io.faultline.nemesis.process.ProcessNemesis;
import io.faultline.nemesis.process.Target;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.LocalCluster;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.link.LinkKind;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The nemeses against a real local cluster (five Redis nodes with lease agents, three ZooKeeper
 * servers) whose every link runs through the embedded fault proxy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NemesesOnALocalClusterIT {

    private static final Duration SESSION = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(25);

    @TempDir
    static Path tmp;

    private final Resources resources = new Resources();
    private final List<ProcessHandle> clusterProcesses = new ArrayList<>();
    private FaultProxyServer server;
    private LinkTable table;
    private LocalCluster cluster;
    private ShardedClient client;
    private LocalClusterNodes nodes;
    private PartitionNemesis partitions;
    private ProcessNemesis kills;
    private ProcessNemesis pauses;
    private int proxiesAfterTableClosed = -1;
    private boolean clusterStarted;
    private ClusterSpec spec;

    @BeforeAll
    void startTheClusterBehindTheFaultProxy() throws Exception {
        server = resources.add("fault proxy", FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0)));
        resources.add("proxy count check", () -> proxiesAfterTableClosed = server.proxyCount());
        table = resources.add("link table", LinkTable.over(server));
        spec = ClusterSpec.builder().nodes(5).zookeepers(3).sessionTimeout(SESSION)
                .workDir(tmp.resolve("work")).pidDir(tmp.resolve("pids")).build();
        cluster = resources.add("cluster", LocalCluster.create(spec,
                (from, to, kind, target) -> table.route(from, to, kind.name(), target)));
        resources.add("cluster process list", () -> clusterProcesses.addAll(ProcessHandle.current().descendants().toList()));
        cluster.start();
        clusterStarted = true;
        client = resources.add("client", ShardedClient.connect(cluster.clientConfig().build()));
        nodes = new LocalClusterNodes(cluster);
        List<String> zookeepers = List.copyOf(cluster.zookeeperAddresses().keySet());
        partitions = PartitionNemesis.over(ProxyNet.over(table), cluster.nodes(), zookeepers, nodes, new Random(1));
        kills = ProcessNemesis.kill(nodes, cluster.nodes(), nodes, Target.ONE, new Random(2));
        pauses = ProcessNemesis.pause(nodes, cluster.nodes(), nodes, Target.ONE, new Random(3));
        resources.add("partition nemesis", partitions::teardown);
        resources.add("kill nemesis", kills::teardown);
        resources.add("pause nemesis", pauses::teardown);
        System.out.printf("cluster up: %d proxies for links %s%n", server.proxyCount(), table.links().size());
    }

    @AfterAll
    void tearDownInReverseOrderAndLeaveNothingBehind() throws Exception {
        try {
            resources.close();
        } finally {
            assertNothingIsLeft();
        }
    }

    private void assertNothingIsLeft() throws Exception {
        assertThat(proxiesAfterTableClosed).as("proxies left once the link table closed").isZero();
        assertThat(server.proxyCount()).isZero();
        if (clusterStarted) assertThat(clusterProcesses).as("the cluster's redis-server and agent processes").isNotEmpty();
        assertThat(eventually(() -> clusterProcesses.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10)))
                .as("processes of the cluster still alive: %s", clusterProcesses.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList())
                .isTrue();
        try (var records = Files.list(tmp.resolve("pids"))) {
            assertThat(records).as("pid records of live processes").isEmpty();
        }
        assertThat(eventually(() -> proxyThreads().isEmpty(), Duration.ofSeconds(5)))
                .as("fault proxy threads still alive: %s", proxyThreads()).isTrue();
    }

    @Test
    @Order(1)
    void isolatingThePrimaryMovesItsLeaseAndHealingMakesItAReplicaOfTheNewPrimary() throws Exception {
        Lease before = lease();
        String old = before.node();
        String replica = cluster.nodes().stream().filter(n -> !n.equals(old)).findFirst().orElseThrow();
        InetSocketAddress replicationLink = table.route(replica, old, LinkKind.REPLICATION.name(), cluster.redisAddress(old));
        try (PingProbe probe = PingProbe.start(replicationLink)) {
            assertThat(eventually(() -> probe.answers() > 10, Duration.ofSeconds(5))).as("the probe gets answers").isTrue();

            long invoked = System.nanoTime();
            Op done = partitions.invoke(Op.invoke(Op.NEMESIS, PartitionNemesis.START, "primaries"));
            long returned = System.nanoTime();
            assertThat(quietFor(probe, Duration.ofMillis(500), Duration.ofSeconds(5)))
                    .as("bytes stop on the open %s->%s connection", replica, old).isTrue();
            double stoppedMs = Math.max(0, probe.lastAnswerNanos() - invoked) / 1e6;
            System.out.printf("RESULT partition latency: isolating %s returned after %.1f ms; bytes on an open "
                    + "connection stopped within %.1f ms of the invoke%n", old, (returned - invoked) / 1e6, stoppedMs);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> grudge = (Map<String, List<String>>) done.value();
            assertThat(grudge.get(old)).as("the primary cannot hear the other nodes nor ZooKeeper")
                    .containsExactlyElementsOf(others(old, "zk1", "zk2", "zk3"));
            assertThat(grudge.get("zk1")).containsExactly(old);

            long cut = System.nanoTime();
            Lease after = awaitNewPrimaryServingWrites(before, SESSION.multipliedBy(4));
            System.out.printf("isolated %s lost its lease; %s took it at epoch %d (was %d) and served writes after %d ms%n",
                    old, after.node(), after.epoch(), before.epoch(), (System.nanoTime() - cut) / 1_000_000);
            assertThat(after.epoch()).isGreaterThan(before.epoch());

            partitions.invoke(Op.invoke(Op.NEMESIS, PartitionNemesis.STOP, null));
            long answersAtHeal = probe.answers();
            assertThat(eventually(() -> probe.answers() > answersAtHeal, Duration.ofSeconds(5)))
                    .as("the held bytes flow again after the heal").isTrue();
        }
        Outcome<Void> afterHeal = client.write("after-heal", "written-after-heal");
        assertThat(afterHeal.kind()).as("write after the heal: %s", afterHeal).isEqualTo(Outcome.Kind.OK);
        try (Jedis direct = jedis(old)) {
            assertThat(eventually(() -> direct.info("replication").contains("master_link_status:up")
                    && "written-after-heal".equals(direct.get("after-heal")), spec.startTimeout())) // may be a full sync
                    .as("%s, the old primary, replicates from %s again", old, lease().node()).isTrue();
            assertThat(direct.info("replication")).contains("role:slave");
        }
    }

    @Test
    @Order(2)
    void aKilledNodeRefusesConnectionsUntilItIsStartedAgain() throws Exception {
        String primary = lease().node();
        String victim = cluster.nodes().stream().filter(n -> !n.equals(primary)).findFirst().orElseThrow();
        kills.invoke(Op.invoke(Op.NEMESIS, "kill", List.of(victim)));
        assertThatThrownBy(() -> {
            try (Jedis direct = jedis(victim)) {
                direct.ping();
            }
        }).as("%s's redis after kill", victim).isInstanceOf(JedisConnectionException.class);
        assertThat(cluster.isRunning(victim)).isFalse();

        kills.invoke(Op.invoke(Op.NEMESIS, "start", List.of(victim)));
        try (Jedis direct = jedis(victim)) {
            assertThat(direct.info("server")).as("%s's redis answers again", victim).contains("redis_version");
            assertThat(eventually(() -> direct.info("replication").contains("master_link_status:up"),
                    spec.startTimeout())) // a restart is a start: JVM, then a full sync after Redis's 5 s delay
                    .as("the restarted %s follows the primary again", victim).isTrue();
        }
    }

    @Test
    @Order(3)
    void aPausedPrimaryLosesItsLeaseToAnotherNode() throws Exception {
        Lease before = lease();
        pauses.invoke(Op.invoke(Op.NEMESIS, "pause", List.of(before.node())));
        Lease after = awaitNewPrimaryServingWrites(before, SESSION.multipliedBy(4));
        System.out.printf("paused %s lost its lease; %s holds it at epoch %d%n", before.node(), after.node(), after.epoch());
        pauses.invoke(Op.invoke(Op.NEMESIS, "resume", List.of(before.node())));
        assertThat(after.epoch()).isGreaterThan(before.epoch());
        assertThat(cluster.isRunning(before.node())).isTrue();
    }

    private Lease lease() throws Exception {
        return cluster.leaseStatus().lease("g1").orElseThrow();
    }

    /** Waits until another node than the old holder holds the lease at a later epoch and the client writes through it. */
    private Lease awaitNewPrimaryServingWrites(Lease old, Duration within) {
        AtomicReference<Lease> next = new AtomicReference<>();
        boolean done = eventually(() -> {
            try {
                Lease now = lease();
                if (now.node().equals(old.node()) || now.epoch() <= old.epoch()) return false;
                next.set(now);
                return client.write("probe", "via-" + now.node()).isOk();
            } catch (Exception e) {
                return false;
            }
        }, within);
        assertThat(done).as("a new primary after %s lost its lease, within %s", old.node(), within).isTrue();
        return next.get();
    }

    private Jedis jedis(String node) {
        InetSocketAddress real = cluster.redisAddress(node);
        return new Jedis(real.getHostString(), real.getPort(), 1_000);
    }

    private List<String> others(String node, String... more) {
        List<String> all = new ArrayList<>(cluster.nodes());
        all.remove(node);
        all.addAll(List.of(more));
        return all;
    }

    /** True once the probe has had no answer for {@code quiet}, within {@code within}. */
    private static boolean quietFor(PingProbe probe, Duration quiet, Duration within) {
        return eventually(() -> System.nanoTime() - probe.lastAnswerNanos() > quiet.toNanos(), within);
    }

    private static List<String> proxyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(FaultProxyServer.THREAD_PREFIX)).toList();
    }

    /** Polls the condition until it holds or the time is up; a condition that throws counts as false. */
    private static boolean eventually(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) return true;
            } catch (RuntimeException notYet) {
                // polled again below
            }
            if (System.nanoTime() >= deadline) return false;
            java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
