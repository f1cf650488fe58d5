package io.faultline.nemesis.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.proxy.EchoServer;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.nemesis.proxy.TestClient;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TeardownTest {

    /** The JDK's HTTP client keeps an idle connection cache with its own timer thread; not ours. */
    private static final Set<String> JDK_THREADS = Set.of("Keep-Alive-Timer");

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !JDK_THREADS.contains(t.getName()))
                .collect(Collectors.toSet());
    }

    @Test
    void afterTeardownNoProxyListenerConnectionOrThreadRemains() throws Exception {
        Set<Thread> before = liveThreads();
        List<InetSocketAddress> listens = new ArrayList<>();
        List<TestClient> clients = new ArrayList<>();
        InetSocketAddress api;
        try (EchoServer echo = EchoServer.start()) {
            FaultProxyServer server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0), 2);
            api = server.address();
            LinkTable table = LinkTable.over(server);
            for (String from : List.of("n1", "n2", "n3")) {
                InetSocketAddress listen = table.route(from, "n4", "redis", echo.address());
                listens.add(listen);
                TestClient client = TestClient.connect(listen);
                assertThat(client.roundTrip("hi", 2_000)).isEqualTo("hi");
                clients.add(client);
            }
            ProxyNet net = ProxyNet.over(table);
            net.partition(Grudges.isolate("n4", List.of("n1", "n2", "n3", "n4")));
            net.slow(Duration.ofMillis(5), Duration.ZERO);
            assertThat(server.proxyCount()).isEqualTo(3);

            net.heal();
            table.close();
            assertThat(server.proxyCount()).isZero();
            server.close();
            for (TestClient client : clients) {
                assertThat(client.await(2_000)).isIn(TestClient.Outcome.EOF, TestClient.Outcome.RESET);
                client.close();
            }
        }
        for (InetSocketAddress listen : listens) {
            assertThatThrownBy(() -> TestClient.connect(listen)).as("proxy port %s", listen).isInstanceOf(ConnectException.class);
        }
        assertThatThrownBy(() -> TestClient.connect(api)).as("API port").isInstanceOf(ConnectException.class);
        Set<Thread> after = liveThreads();
        after.removeAll(before);
        assertThat(after).extracting(Thread::getName).isEmpty();
        assertThat(liveThreads().stream().filter(t -> t.getName().startsWith(FaultProxyServer.THREAD_PREFIX))).isEmpty();
    }
}
