package io.faultline.etcd;

import io.faultline.hosts.netns.NetnsHosts;
import io.faultline.netnsdb.ServerLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One etcd member per node: named as the node, peers on {@code <address>:2380}, clients on
 * {@code <address>:2379}, data in the node's directory, the initial cluster made of every node's
 * address (a restart after a kill finds its data directory and ignores the initial-cluster flags).
 * Ready when {@code GET /health} says {@code "health":"true"} (the member has a leader).
 */
final class EtcdLauncher implements ServerLauncher {
    static final int CLIENT_PORT = 2379;
    static final int PEER_PORT = 2380;
    private static final Duration PROBE = Duration.ofMillis(500);

    private final String binary;
    private final HttpClient probe = EtcdGateway.httpClient(PROBE);

    /** @param binary the etcd executable (a path, or a name looked up on PATH) */
    EtcdLauncher(String binary) {
        this.binary = binary;
    }

    @Override
    public String processName() {
        return "etcd";
    }

    @Override
    public List<String> command(String node, NetnsHosts hosts) {
        String address = hosts.address(node);
        String cluster = hosts.hosts().stream().map(h -> h + "=http://" + hosts.address(h) + ":" + PEER_PORT)
                .collect(Collectors.joining(","));
        return List.of(binary, "--name", node, "--data-dir", hosts.dir(node).resolve("data").toString(),
                "--listen-peer-urls", "http://" + address + ":" + PEER_PORT,
                "--initial-advertise-peer-urls", "http://" + address + ":" + PEER_PORT,
                "--listen-client-urls", "http://" + address + ":" + CLIENT_PORT,
                "--advertise-client-urls", "http://" + address + ":" + CLIENT_PORT,
                "--initial-cluster", cluster, "--initial-cluster-state", "new",
                "--initial-cluster-token", hosts.network().names().run(),
                "--logger", "zap", "--log-outputs", "stderr");
    }

    @Override
    public boolean ready(String node, NetnsHosts hosts) {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(clientUrl(hosts.address(node)) + "/health")).timeout(PROBE).GET().build();
            HttpResponse<String> r = probe.send(get, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"health\":\"true\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** {@code http://<address>:2379}. */
    static String clientUrl(String address) {
        return "http://" + address + ":" + CLIENT_PORT;
    }
}
