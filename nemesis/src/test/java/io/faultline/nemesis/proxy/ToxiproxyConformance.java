package io.faultline.nemesis.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.faultline.nemesis.proxy.TestClient.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Toxiproxy behaviour the harness relies on, checked through the official toxiproxy-java
 * client on real TCP traffic over 127.0.0.1. Subclasses run it against the embedded fault proxy
 * and against a real Toxiproxy.
 */
abstract class ToxiproxyConformance {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private EchoServer echo;
    private ToxiproxyClient client;
    private Proxy proxy;

    /**
     * A new client of the server under test. (A client remembers every proxy it made and
     * {@code reset()} refreshes them all, so each test takes its own.)
     */
    abstract ToxiproxyClient newClient();

    private ToxiproxyClient client() {
        return client;
    }

    /** True for the embedded proxy, which holds (not drops) the bytes of a blackhole. */
    abstract boolean holdsBlackholedBytes();

    @BeforeEach
    void startEchoAndProxy() throws Exception {
        echo = EchoServer.start();
        client = newClient();
        proxy = client().createProxy("conformance-" + NAMES.incrementAndGet(), "127.0.0.1:0", echo.hostPort());
    }

    @AfterEach
    void deleteProxyAndStopEcho() throws Exception {
        if (client().getProxyOrNull(proxy.getName()) != null) proxy.delete();
        echo.close();
    }

    private TestClient connect() throws IOException {
        return TestClient.connect(proxy.getListen());
    }

    @Test
    void answersItsVersion() throws IOException {
        assertThat(client().version()).isNotBlank();
    }

    @Test
    void createsAProxyOnAFreePortThatForwardsTraffic() throws IOException {
        assertThat(proxy.isEnabled()).isTrue();
        assertThat(proxy.getListen()).startsWith("127.0.0.1:").doesNotEndWith(":0");
        assertThat(proxy.getUpstream()).isEqualTo(echo.hostPort());
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("ping", 2_000)).isEqualTo("ping");
        }
    }

    @Test
    void listsAndFindsProxiesByName() throws IOException {
        assertThat(client().getProxies()).extracting(Proxy::getName).contains(proxy.getName());
        assertThat(client().getProxy(proxy.getName()).getListen()).isEqualTo(proxy.getListen());
    }

    @Test
    void deletingAProxyClosesItsPort() throws IOException {
        String listen = proxy.getListen();
        proxy.delete();
        assertThat(client().getProxyOrNull(proxy.getName())).isNull();
        assertThatThrownBy(() -> TestClient.connect(listen)).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesADuplicateNameAndAnUnknownProxy() {
        assertThatThrownBy(() -> client().createProxy(proxy.getName(), "127.0.0.1:0", echo.hostPort()))
                .isInstanceOf(IOException.class).hasMessageContaining("409");
        assertThatThrownBy(() -> client().getProxy("no-such-proxy"))
                .isInstanceOf(IOException.class).hasMessageContaining("404");
    }

    @Test
    void disablingCutsConnectionsAndClosesTheListenerUntilEnabled() throws IOException {
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("a", 2_000)).isEqualTo("a");
            proxy.disable();
            assertThat(proxy.isEnabled()).isFalse();
            assertThat(c.await(2_000)).isIn(Outcome.EOF, Outcome.RESET);
        }
        assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
        proxy.enable();
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("b", 2_000)).isEqualTo("b");
        }
    }

    @Test
    void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1_000);
        proxy.disable();
        client().reset();
        Proxy again = client().getProxy(proxy.getName());
        assertThat(again.isEnabled()).isTrue();
        assertThat(again.toxics().getAll()).isEmpty();
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("c", 500)).isEqualTo("c");
        }
    }

    @Test
    void aTimeoutOfZeroBlackholesExistingAndNewConnectionsUntilRemoved() throws IOException {
        try (TestClient old = connect()) {
            assertThat(old.roundTrip("1", 2_000)).isEqualTo("1");
            Timeout up = proxy.toxics().timeout("hole-up", ToxicDirection.UPSTREAM, 0);
            Timeout down = proxy.toxics().timeout("hole-down", ToxicDirection.DOWNSTREAM, 0);
            assertThat(old.roundTrip("2", 300)).isNull();
            try (TestClient fresh = connect()) {
                assertThat(fresh.roundTrip("3", 300)).isNull();
                up.remove();
                down.remove();
                if (holdsBlackholedBytes()) {
                    assertThat(fresh.read(1, 2_000)).isEqualTo("3");
                    assertThat(old.read(1, 2_000)).isEqualTo("2");
                }
                assertThat(fresh.roundTrip("4", 2_000)).isEqualTo("4");
            }
        }
    }

    @Test
    void aTimeoutClosesTheConnectionAfterItsDelay() throws IOException {
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("x", 2_000)).isEqualTo("x");
            long start = System.nanoTime();
            proxy.toxics().timeout("close-soon", ToxicDirection.DOWNSTREAM, 200);
            assertThat(c.await(3_000)).isIn(Outcome.EOF, Outcome.RESET);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void resetPeerResetsTheConnection() throws IOException {
        proxy.toxics().resetPeer("rst", ToxicDirection.DOWNSTREAM, 0);
        try (TestClient c = connect()) {
            c.send("x");
            assertThat(c.await(3_000)).isEqualTo(Outcome.RESET);
        }
    }

    @Test
    void latencyDelaysEveryRoundTrip() throws IOException {
        Latency latency = proxy.toxics().latency("lag", ToxicDirection.DOWNSTREAM, 150);
        assertThat(latency.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
        try (TestClient c = connect()) {
            long start = System.nanoTime();
            assertThat(c.roundTrip("slow", 3_000)).isEqualTo("slow");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(140);
            latency.setLatency(0);
            start = System.nanoTime();
            assertThat(c.roundTrip("fast", 3_000)).isEqualTo("fast");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(100);
        }
    }

    @Test
    void latencyUpstreamDelaysOnlyThatDirectionAndReadsBackWithJitter() throws IOException {
        Latency latency = proxy.toxics().latency("lag-up", ToxicDirection.UPSTREAM, 100).setJitter(20);
        Latency read = proxy.toxics().get("lag-up", Latency.class);
        assertThat(read.getStream()).isEqualTo(ToxicDirection.UPSTREAM);
        assertThat(read.getLatency()).isEqualTo(100);
        assertThat(read.getJitter()).isEqualTo(20);
        try (TestClient c = connect()) {
            long start = System.nanoTime();
            assertThat(c.roundTrip("up", 3_000)).isEqualTo("up");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(75);
        }
        latency.remove();
        assertThat(proxy.toxics().getAll()).isEmpty();
    }

    @Test
    void bandwidthLimitsTheRate() throws IOException {
        proxy.toxics().bandwidth("narrow", ToxicDirection.DOWNSTREAM, 50);
        String payload = "x".repeat(25_000);
        try (TestClient c = connect()) {
            long start = System.nanoTime();
            assertThat(c.roundTrip(payload, 5_000)).hasSize(payload.length());
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(350);
        }
    }

    @Test
    void slowCloseDelaysTheCloseOfTheConnection() throws IOException {
        proxy.toxics().slowClose("linger", ToxicDirection.DOWNSTREAM, 300);
        try (TestClient c = connect()) {
            long start = System.nanoTime();
            assertThat(c.roundTrip("bye", 2_000)).isEqualTo("bye");
            assertThat(c.await(3_000)).isEqualTo(Outcome.EOF);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void limitDataClosesTheConnectionAfterThatManyBytes() throws IOException {
        proxy.toxics().limitData("short", ToxicDirection.DOWNSTREAM, 5);
        try (TestClient c = connect()) {
            c.send("hello world");
            assertThat(c.read(5, 2_000)).isEqualTo("hello");
            assertThat(c.await(2_000)).isIn(Outcome.EOF, Outcome.RESET);
        }
    }

    @Test
    void aToxicWithToxicityZeroNeverAppliesAndOneAlwaysDoes() throws IOException {
        Timeout hole = proxy.toxics().timeout("maybe", ToxicDirection.DOWNSTREAM, 0);
        hole.setToxicity(0f);
        assertThat(proxy.toxics().get("maybe").getToxicity()).isEqualTo(0f);
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("free", 2_000)).isEqualTo("free");
        }
        hole.setToxicity(1f);
        try (TestClient c = connect()) {
            assertThat(c.roundTrip("held", 300)).isNull();
        }
    }
}
