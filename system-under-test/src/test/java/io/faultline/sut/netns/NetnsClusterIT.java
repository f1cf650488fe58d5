package io.faultline.sut.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsNetwork;
import io.faultline.hosts.netns.PacketFilter;
import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.OnLeaseLoss;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A netns cluster of 3 nodes and 3 ZooKeeper servers, each in its own namespace: the master cut off by
 * iptables loses its lease to another node, packets stop at once, the heal brings it back as a
 * replica, and close leaves no namespace, link or process.
 */
class NetnsClusterIT {
    private static final Duration SESSION = Duration.ofSeconds(2);
    private static final Duration FAILOVER = SESSION.multipliedBy(4);
    /** Not the default range, so that a run of the default range elsewhere on the machine does not refuse this one. */
    private static final String RANGE = "10.213.2.0/24";

    @TempDir
    Path tmp;

    @BeforeEach
    void needsTheNetnsRuntime() {
        Netns.assumeAvailable();
    }

    @Test
    void aMasterCutOffByIptablesLosesItsLeaseAndRejoinsAfterTheHealAndCloseLeavesNothing() throws Exception {
        ClusterSpec spec = ClusterSpec.builder().nodes(3).zookeepers(3).sessionTimeout(SESSION)
                .onLeaseLoss(OnLeaseLoss.DEMOTE).workDir(tmp.resolve("work")).pidDir(tmp.resolve("pids")).build();
        String run;
        List<Long> pids = new ArrayList<>();
        try (NetnsCluster cluster = NetnsCluster.create(spec, AddressRange.parse(RANGE))) {
            cluster.start();
            NetnsNetwork network = cluster.network();
            run = network.names().run();
            for (String host : network.hosts()) pids.addAll(network.pids(host));
            assertThat(Netns.servers(pids)).as("3 redis + 3 agents + 3 ZooKeeper servers").hasSize(9);
            assertThat(pids).as("and the packet filter's shell in each of the 6 namespaces").hasSize(15);
            assertThat(cluster.redisAddress("n1").getHostString()).isEqualTo(network.address("n1"));

            try (ShardedClient client = ShardedClient.connect(cluster.clientConfig().build())) {
                Outcome<Void> before = client.write("k", "before");
                assertThat(before.kind()).as("write before: %s", before).isEqualTo(Outcome.Kind.OK);
                Lease old = cluster.leaseStatus().lease("g1").orElseThrow();
                String master = old.node();
                String replica = cluster.nodes().stream().filter(n -> !n.equals(master)).findFirst().orElseThrow();

                try (PingProbe probe = PingProbe.start(network, replica, master)) {
                    assertThat(Netns.until(() -> probe.pongs() > 10, SESSION)).as("the probe's PINGs are answered").isTrue();
                    long op = System.nanoTime();
                    io.faultline.hosts.packet.PacketFaults.Applied applied = network.filter().cut(isolate(master, network.hosts()));
                    long returned = System.nanoTime();
                    assertThat(applied.hosts()).as("every host's rules change: the isolated one's and its peers'").isEqualTo(6);
                    // the PONGs stop: none for a whole session timeout after the cut returned
                    assertThat(Netns.until(() -> System.nanoTime() - probe.lastPongNanos() > SESSION.toNanos(), SESSION.multipliedBy(3)))
                            .as("PINGs from %s to the isolated %s go unanswered", replica, master).isTrue();
                    long effectMs = Math.max(0, (probe.lastPongNanos() - op) / 1_000_000);
                    System.out.printf("netns partition: rules in place in the first namespace %d ms and in all %d after the op (cut returned"
                            + " after %d ms); last PONG across the cut %d ms after the op%n",
                            applied.firstMs(), applied.allMs(), (returned - op) / 1_000_000, effectMs);
                    assertThat(effectMs).as("ms from the op to the last packet across the cut").isLessThan(1000);
                }

                assertThat(Netns.until(() -> {
                    try {
                        Lease now = cluster.leaseStatus().lease("g1").orElseThrow();
                        return !now.node().equals(master) && now.epoch() > old.epoch();
                    } catch (Exception e) {
                        return false;
                    }
                }, FAILOVER)).as("another node holds the lease of the isolated %s", master).isTrue();
                assertThat(Netns.until(() -> client.write("k", "during").kind() == Outcome.Kind.OK, FAILOVER))
                        .as("the new master serves writes").isTrue();

                assertThat(network.filter().heal().hosts()).as("healing changes every namespace again").isEqualTo(6);
                assertThat(network.filter().heal().hosts()).as("a second heal touches nothing").isZero();
                assertThat(Netns.until(() -> {
                    try (Jedis j = new Jedis(network.address(master), NetnsCluster.REDIS_PORT, 1000)) {
                        return j.info("replication").contains("master_link_status:up") && "during".equals(j.get("k"));
                    }
                }, FAILOVER.multipliedBy(2))).as("after the heal, the old master %s replicates from the new one", master).isTrue();

                network.filter().loss(1.0);
                assertThat(answersPing(network.address(master))).as("every packet lost: no answer from the control node's PING").isFalse();
                network.filter().loss(0);
                assertThat(answersPing(network.address(master))).as("loss removed").isTrue();
                network.filter().rate(256);
                assertThat(answersPing(network.address(master))).as("a rate limit still passes a PING").isTrue();
                network.filter().unlimited();
            }
        }
        assertThat(Netns.leftovers(run)).as("namespaces and links of run %s after close", run).isEmpty();
        assertThat(pids).as("processes of the run after close").noneMatch(Netns::alive);
    }

    private static boolean answersPing(String address) {
        try (Jedis j = new Jedis(address, NetnsCluster.REDIS_PORT, 1000)) {
            j.ping();
            return true;
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return true; // an error reply (MASTERDOWN while its link resyncs) is an answer
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code host} hears no one and no one hears it. */
    static Map<String, Set<String>> isolate(String host, List<String> hosts) {
        Map<String, Set<String>> cut = new HashMap<>();
        Set<String> others = new TreeSet<>(hosts);
        others.remove(host);
        cut.put(host, others);
        others.forEach(o -> cut.put(o, Set.of(host)));
        return cut;
    }
}
