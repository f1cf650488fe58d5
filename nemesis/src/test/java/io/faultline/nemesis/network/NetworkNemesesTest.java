package io.faultline.nemesis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.process.FakeCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkNemesesTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final List<String> ZK = List.of("zk1", "zk2", "zk3");

    private final RecordingNet net = new RecordingNet();
    private final FakeCluster cluster = new FakeCluster();

    private static Op invoke(String f, Object value) {
        return Op.invoke(Op.NEMESIS, f, value);
    }

    private PartitionNemesis partitions(long seed) {
        return PartitionNemesis.over(net, NODES, ZK, cluster, new Random(seed));
    }

    @Test
    void startPartitionAppliesTheNamedGrudgeAndCompletesWithIt() throws Exception {
        Op done = partitions(1).invoke(invoke("start-partition", "halves"));
        assertThat(done.type()).isEqualTo(OpType.INFO);
        assertThat(done.value()).isEqualTo(Grudges.toValue(Grudges.halves(NODES)));
        assertThat(net.current).isEqualTo(Grudges.halves(NODES));
    }

    @Test
    void everyGrudgeKindIsUnderstood() throws Exception {
        cluster.primaries = Set.of("n3");
        PartitionNemesis nemesis = partitions(1);
        assertThat(nemesis.grudge("primaries")).isEqualTo(Grudges.isolateWithHosts(Set.of("n3"), NODES, ZK));
        assertThat(nemesis.grudge("majorities-ring")).isEqualTo(Grudges.majoritiesRing(NODES));
        assertThat(nemesis.grudge("bridge")).isEqualTo(Grudges.bridge(NODES));
        assertThat(nemesis.grudge("isolate n2")).isEqualTo(Grudges.isolateWithHosts(Set.of("n2"), NODES, ZK));
        assertThat(nemesis.grudge("zk n2")).isEqualTo(Grudges.cutFromHosts("n2", ZK));
        assertThat(nemesis.grudge("one").cannotHear()).as("the node, 4 others, 3 ZooKeeper servers").hasSize(8);
        assertThat(nemesis.grudge("zk-one").cannotHear()).hasSize(4);
        assertThat(nemesis.grudge(null).cannotHear()).hasSize(5);
        assertThat(partitions(5).grudge(null)).isEqualTo(partitions(5).grudge(null));
        assertThatThrownBy(() -> nemesis.grudge("quarters")).hasMessageContaining("'quarters'");
    }

    @Test
    void isolatingThePrimariesCutsThemFromZooKeeperSoTheyLoseTheirLeases() throws Exception {
        cluster.primaries = Set.of("n2", "n5");
        Op done = partitions(1).invoke(invoke("start-partition", "primaries"));
        assertThat(done.value()).isEqualTo(Map.of(
                "n2", List.of("n1", "n3", "n4", "zk1", "zk2", "zk3"),
                "n5", List.of("n1", "n3", "n4", "zk1", "zk2", "zk3"),
                "n1", List.of("n2", "n5"), "n3", List.of("n2", "n5"), "n4", List.of("n2", "n5"),
                "zk1", List.of("n2", "n5"), "zk2", List.of("n2", "n5"), "zk3", List.of("n2", "n5")));
    }

    @Test
    void isolatingOneNodeCutsItFromZooKeeperButSplittingTheNodesDoesNot() throws Exception {
        PartitionNemesis nemesis = partitions(3);
        var one = nemesis.grudge("one");
        String isolated = one.cannotHear().entrySet().stream()
                .filter(e -> e.getValue().size() == 7).map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(one.cannotHear().get(isolated)).containsAll(ZK);
        for (Object spec : java.util.Arrays.asList(null, "halves", "random-halves", "majorities-ring", "bridge")) {
            var split = nemesis.grudge(spec);
            assertThat(split.cannotHear().keySet()).as("%s leaves ZooKeeper alone", spec).doesNotContainAnyElementsOf(ZK);
        }
    }

    @Test
    void stopPartitionHealsOnlyThePartitionAndTeardownHealsEverything() throws Exception {
        PartitionNemesis nemesis = partitions(1);
        nemesis.invoke(invoke("start-partition", "isolate n1"));
        assertThat(nemesis.invoke(invoke("stop-partition", null)).value()).isEqualTo("network-healed");
        assertThat(net.current.isEmpty()).isTrue();
        nemesis.teardown();
        assertThat(net.calls).last().isEqualTo("heal");
    }

    @Test
    void latencyAndFlakyNemesesSlowAndBreakLinksUntilStopped() throws Exception {
        LinkNemesis slow = LinkNemesis.latency(net, Duration.ofMillis(50), Duration.ofMillis(10));
        LinkNemesis flaky = LinkNemesis.flaky(net, 0.2);
        assertThat(slow.invoke(invoke("start-slow", null)).value()).isEqualTo(Map.of("mean-ms", 50L, "jitter-ms", 10L));
        assertThat(slow.invoke(invoke("start-slow", 200L)).value()).isEqualTo(Map.of("mean-ms", 200L, "jitter-ms", 10L));
        assertThat(flaky.invoke(invoke("start-flaky", null)).value()).isEqualTo(Map.of("probability", 0.2));
        assertThat(flaky.invoke(invoke("stop-flaky", null)).value()).isEqualTo("fast");
        assertThat(net.calls).containsExactly("slow 50±10", "slow 200±10", "flaky 0.2", "fast");
        assertThatThrownBy(() -> LinkNemesis.flaky(net, 1.5)).hasMessageContaining("1.5");
    }

    @Test
    void theBandwidthNemesisLimitsEveryLinkUntilStopped() throws Exception {
        LinkNemesis bandwidth = LinkNemesis.bandwidth(net, 1000);
        assertThat(bandwidth.fs()).containsExactlyInAnyOrder("start-bandwidth", "stop-bandwidth");
        assertThat(bandwidth.invoke(invoke("start-bandwidth", null)).value()).isEqualTo(Map.of("kbit-per-second", 1000L));
        assertThat(bandwidth.invoke(invoke("start-bandwidth", 64L)).value()).isEqualTo(Map.of("kbit-per-second", 64L));
        assertThat(bandwidth.invoke(invoke("stop-bandwidth", null)).value()).isEqualTo("fast");
        assertThat(net.calls).containsExactly("bandwidth 1000", "bandwidth 64", "fast");
        assertThatThrownBy(() -> LinkNemesis.bandwidth(net, 0)).hasMessageContaining("at least 1 kbit/s");
    }

    @Test
    void composeRoutesEachOpToTheNemesisThatHandlesItsF() throws Exception {
        Nemesis all = io.faultline.nemesis.compose.ComposedNemesis.compose(
                partitions(1),
                io.faultline.nemesis.process.ProcessNemesis.kill(cluster, NODES, cluster,
                        io.faultline.nemesis.process.Target.ONE, new Random(1)),
                LinkNemesis.latency(net, Duration.ofMillis(5), Duration.ZERO));
        assertThat(all.fs()).containsExactlyInAnyOrder("start-partition", "stop-partition", "kill", "start",
                "start-slow", "stop-slow");
        all.invoke(invoke("kill", List.of("n2")));
        all.invoke(invoke("start-partition", "bridge"));
        assertThat(cluster.down).containsExactly("n2");
        assertThat(net.current).isEqualTo(Grudges.bridge(NODES));
        assertThatThrownBy(() -> all.invoke(invoke("clock-skew", null))).hasMessageContaining("clock-skew");

        all.teardown();
        assertThat(cluster.down).isEmpty();
        assertThat(net.calls).contains("fast", "heal");
    }

    @Test
    void composeRefusesTwoNemesesForOneF() {
        assertThatThrownBy(() -> io.faultline.nemesis.compose.ComposedNemesis.compose(partitions(1), partitions(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition");
    }
}
