package io.faultline.nemesis.proxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance suite against the embedded fault proxy. */
class EmbeddedProxyConformanceTest extends ToxiproxyConformance {

    private static FaultProxyServer server;
    private static String host;
    private static int port;

    @BeforeAll
    static void startServer() {
        server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        host = server.host();
        port = server.port();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    ToxiproxyClient newClient() {
        return new ToxiproxyClient(host, port);
    }

    @Override
    boolean holdsBlackholedBytes() {
        return true;
    }
}
