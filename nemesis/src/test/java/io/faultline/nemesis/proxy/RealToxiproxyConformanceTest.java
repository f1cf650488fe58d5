package io.faultline.nemesis.proxy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite against a real Toxiproxy, named by the system property or environment
 * variable {@code FAULTLINE_TOXIPROXY_URL} (e.g. {@code http://127.0.0.1:8474}); skipped otherwise.
 */
class RealToxiproxyConformanceTest extends ToxiproxyConformance {

    private static String host;
    private static int port;

    @BeforeAll
    static void connectToRealToxiproxy() {
        String url = System.getProperty("FAULTLINE_TOXIPROXY_URL", System.getenv("FAULTLINE_TOXIPROXY_URL"));
        if (url == null || url.isBlank()) {
            String reason = "no real Toxiproxy: set FAULTLINE_TOXIPROXY_URL (system property or environment) to run "
                    + "the conformance suite against one";
            System.out.println("SKIPPED RealToxiproxyConformanceTest: " + reason);
            assumeTrue(false, reason);
        }
        URI uri = URI.create(url);
        host = uri.getHost();
        port = uri.getPort() < 0 ? 8474 : uri.getPort();
    }

    @Override
    ToxiproxyClient newClient() {
        return new ToxiproxyClient(host, port);
    }

    @Override
    boolean holdsBlackholedBytes() {
        return false;
    }
}
