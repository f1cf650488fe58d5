package io.faultline.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.core.node.HasPrimaries;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.netnsdb.NetnsDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An etcd cluster on the netns runtime: a {@link NetnsDb} of etcd members, which also names its leader
 * ({@link HasPrimaries}): the members whose {@code /v3/maintenance/status} says that they are the leader
 * (a member cut off may still believe it is, so there may be two, or none during an election).
 */
final class EtcdDb extends NetnsDb implements HasPrimaries {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);
    private final HttpClient http = EtcdGateway.httpClient(STATUS_TIMEOUT);

    EtcdDb(List<String> nodes, AddressRange range, String binary, Duration startTimeout) {
        super("etcd", nodes, range, new EtcdLauncher(binary), startTimeout);
    }

    /** A gateway to {@code node}'s member (after setup). */
    EtcdGateway gateway(HttpClient client, String node, Duration timeout) {
        return new EtcdGateway(client, URI.create(EtcdLauncher.clientUrl(address(node))), timeout);
    }

    @Override
    public Set<String> primaries() throws InterruptedException {
        Set<String> leaders = new TreeSet<>();
        for (String node : nodes()) {
            try {
                JsonNode status = gateway(http, node, STATUS_TIMEOUT).post("/v3/maintenance/status", EtcdGateway.object());
                String self = status.path("header").path("member_id").asText();
                if (!self.isEmpty() && self.equals(status.path("leader").asText())) leaders.add(node);
            } catch (EtcdGateway.GatewayException e) {
                // not answering: not known as a leader
            }
        }
        return leaders;
    }
}
