package io.faultline.nemesis.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.net.Grudge;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.proxy.EchoServer;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.nemesis.proxy.TestClient;
import io.faultline.nemesis.proxy.TestClient.Outcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyNetTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");

    private FaultProxyServer server;
    private LinkTable table;
    private ProxyNet net;
    private final Map<String, EchoServer> echoes = new java.util.TreeMap<>();

    @BeforeEach
    void routeEveryLinkOfThreeNodesAndAClient() throws Exception {
        server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        table = LinkTable.over(server);
        for (String node : NODES) echoes.put(node, EchoServer.start());
        for (String from : NODES) {
            for (String to : NODES) {
                if (!from.equals(to)) route(from, to);
            }
        }
        route("client1", "n1");
        net = ProxyNet.over(table);
    }

    @AfterEach
    void closeEverything() throws Exception {
        table.close();
        server.close();
        for (EchoServer echo : echoes.values()) echo.close();
    }

    private InetSocketAddress route(String from, String to) {
        return table.route(from, to, "redis", echoes.get(to).address());
    }

    private TestClient connect(String from, String to) throws Exception {
        return TestClient.connect(route(from, to));
    }

    @Test
    void theSameLinkIsAlwaysRoutedToTheSameProxy() {
        assertThat(route("n1", "n2")).isEqualTo(route("n1", "n2"));
        assertThat(route("n1", "n2")).isNotEqualTo(route("n2", "n1"));
        assertThat(table.links()).hasSize(7);
    }

    @Test
    void aPartitionCutsExactlyTheLinksBetweenTheSidesBothWays() throws Exception {
        Grudge isolateN1 = Grudges.isolate("n1", NODES);
        net.partition(isolateN1);
        assertThat(net.linksWith(ProxyNet.PARTITION_UP)).extracting(l -> l.from() + ">" + l.to())
                .containsExactlyInAnyOrder("n1>n2", "n2>n1", "n1>n3", "n3>n1");
        try (TestClient cut = connect("n2", "n1"); TestClient fine = connect("n2", "n3");
             TestClient client = connect("client1", "n1")) {
            assertThat(cut.roundTrip("x", 300)).isNull();
            assertThat(fine.roundTrip("y", 2_000)).isEqualTo("y");
            assertThat(client.roundTrip("z", 2_000)).as("clients sit outside the partition").isEqualTo("z");
        }
    }

    @Test
    void aClientPutOnANodesSideIsCutWithIt() throws Exception {
        ProxyNet sided = net.withClientSides(Map.of("client1", "n2"));
        sided.partition(Grudges.isolate("n1", NODES));
        try (TestClient client = connect("client1", "n1")) {
            assertThat(client.roundTrip("z", 300)).isNull();
        }
        sided.heal();
    }

    @Test
    void aPartitionHoldsOpenConnectionsAndRefusesNewOnesAndHealingLetsTheHeldBytesThrough() throws Exception {
        try (TestClient existing = connect("n2", "n1")) {
            AtomicLong lastEcho = new AtomicLong(System.nanoTime());
            AtomicBoolean stop = new AtomicBoolean();
            Thread pinger = new Thread(() -> {
                try {
                    while (!stop.get() && "p".equals(existing.roundTrip("p", 5_000))) lastEcho.set(System.nanoTime());
                } catch (Exception ignored) {
                    // the test below judges the outcome
                }
            }, "pinger");
            pinger.start();
            while (lastEcho.get() == 0 || System.nanoTime() - lastEcho.get() > 50_000_000L) Thread.onSpinWait();

            long start = System.nanoTime();
            net.partition(Grudges.isolate("n1", NODES));
            long returned = System.nanoTime();
            try (TestClient fresh = connect("n3", "n1")) {
                assertThat(fresh.roundTrip("new", 300)).as("a new connection gets no answer").isNull();
            }
            pinger.join(300);
            long bytesStoppedMs = Math.max(0, lastEcho.get() - start) / 1_000_000;
            long returnedMs = (returned - start) / 1_000_000;
            System.out.printf("partition (4 links cut, 8 toxics): call returned after %d ms; "
                    + "bytes on an existing connection stopped within %d ms of the call%n", returnedMs, bytesStoppedMs);
            // How fast is measured and printed here (and by `faultline bench proxy` and the nemesis IT),
            // not asserted: a unit test must not fail because the machine is busy. What must hold: the
            // call has returned, new connections get no answer (above), and the open one is held.
            assertThat(pinger.isAlive()).as("the pinger hangs on the held connection").isTrue();

            stop.set(true);
            net.heal();
            pinger.join(2_000);
            assertThat(pinger.isAlive()).as("the held ping came back after the heal").isFalse();
            assertThat(lastEcho.get()).isGreaterThan(returned);
            assertThat(existing.roundTrip("again", 2_000)).isEqualTo("again");
        }
    }

    @Test
    void healingAfterAnotherPartitionKeepsOnlyTheNewCuts() throws Exception {
        net.partition(Grudges.isolate("n1", NODES));
        net.partition(Grudges.isolate("n3", NODES));
        assertThat(net.linksWith(ProxyNet.PARTITION_DOWN)).extracting(l -> l.from() + ">" + l.to())
                .containsExactlyInAnyOrder("n3>n2", "n2>n3", "n1>n3", "n3>n1");
        try (TestClient c = connect("n1", "n2")) {
            assertThat(c.roundTrip("ok", 2_000)).isEqualTo("ok");
        }
        net.heal();
        assertThat(net.linksWith(ProxyNet.PARTITION_DOWN)).isEmpty();
    }

    @Test
    void slowAddsLatencyAndFastRemovesItButKeepsThePartition() throws Exception {
        net.partition(Grudges.isolate("n1", NODES));
        net.slow(Duration.ofMillis(60), Duration.ZERO);
        try (TestClient c = connect("n2", "n3")) {
            long start = System.nanoTime();
            assertThat(c.roundTrip("slow", 2_000)).isEqualTo("slow");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(110);
            assertThat(net.linksWith(ProxyNet.SLOW_UP)).isNotEmpty();
            net.fast();
            // no latency toxic is left (a round trip's time would say so only on a quiet machine)
            assertThat(net.linksWith(ProxyNet.SLOW_UP)).isEmpty();
            assertThat(net.linksWith(ProxyNet.SLOW_DOWN)).isEmpty();
            assertThat(c.roundTrip("fast", 2_000)).isEqualTo("fast");
        }
        assertThat(net.linksWith(ProxyNet.PARTITION_UP)).hasSize(4);
    }

    @Test
    void bandwidthLimitsEveryLinkBothWaysAndFastAndHealRemoveIt() throws Exception {
        net.bandwidth(800);
        assertThat(net.linksWith(ProxyNet.BANDWIDTH_UP)).isNotEmpty().isEqualTo(net.linksWith(ProxyNet.BANDWIDTH_DOWN));
        try (TestClient c = connect("n2", "n3")) {
            assertThat(c.roundTrip("throttled", 5_000)).isEqualTo("throttled");
        }
        net.fast();
        assertThat(net.linksWith(ProxyNet.BANDWIDTH_UP)).isEmpty();
        net.bandwidth(800);
        net.heal();
        assertThat(net.linksWith(ProxyNet.BANDWIDTH_DOWN)).isEmpty();
    }

    @Test
    void flakyWithProbabilityOneResetsEveryConnectionAndZeroNone() throws Exception {
        net.flaky(1.0);
        try (TestClient c = connect("n2", "n3")) {
            c.send("x");
            assertThat(c.await(2_000)).isEqualTo(Outcome.RESET);
        }
        net.flaky(0.0);
        try (TestClient c = connect("n2", "n3")) {
            assertThat(c.roundTrip("x", 2_000)).isEqualTo("x");
        }
        net.fast();
    }
}
