package io.faultline.harness.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.net.LinkRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands' side of the control endpoint: finds the running cluster through its
 * {@link StateFile} and sends it requests. Refusals (400) come back as {@link ControlRefusal}s with
 * the daemon's one-line message; a daemon that does not answer is a refusal too, naming its log.
 * Thread-safe.
 */
public final class ControlClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ClusterState state;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private ControlClient(ClusterState state) {
        this.state = state;
    }

    /**
     * A client of the cluster whose state file is in {@code stateDirectory}.
     *
     * @throws ControlRefusal when no cluster is running there
     */
    public static ControlClient connect(StateFile stateFile) {
        return new ControlClient(stateFile.requireRunning());
    }

    public ClusterState state() {
        return state;
    }

    public ClusterStatus status() {
        return JSON.convertValue(call("GET", "/status", Map.of()), ClusterStatus.class);
    }

    /** A fault: {@code action} with its fields ({@code node}, {@code spec}, {@code latencyMs}, {@code link}); returns what was done. */
    public String fault(String action, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("action", action);
        return call("POST", "/fault", body).path("text").asText();
    }

    /** The faults made by hand after the {@code after}-th, oldest first, and the number of the last one. */
    HandFaults faults(long after) {
        JsonNode r = call("GET", "/faults?after=" + after, Map.of());
        List<FaultLog.Entry> faults = new ArrayList<>();
        for (JsonNode f : r.path("faults")) {
            faults.add(new FaultLog.Entry(f.path("seq").asLong(), f.path("f").asText(),
                    f.path("value").isNull() ? null : f.path("value").asText(), java.time.Instant.parse(f.path("at").asText())));
        }
        return new HandFaults(r.path("last").asLong(), faults);
    }

    /** What {@link #faults} found: the number of the last fault made, and the faults after the one asked for. */
    record HandFaults(long last, List<FaultLog.Entry> faults) {
    }

    /** SET {@code key}; through the system's client when {@code node} is null. */
    public Reply write(String key, String value, String node) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("value", value);
        body.put("node", node);
        return reply(call("POST", "/write", body));
    }

    /** GET {@code key} on {@code node}, or on every node when null. */
    public Reply read(String key, String node) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("node", node);
        return reply(call("POST", "/read", body));
    }

    /** The outcome of a read or write: whether it worked, one line per node. */
    public record Reply(boolean ok, List<String> lines) {
    }

    /** A router whose client links go through the daemon's fault proxy, like the cluster's own links. */
    public LinkRouter router() {
        return (from, to, kind, target) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", from);
            body.put("to", to);
            body.put("kind", kind);
            body.put("host", target.getHostString());
            body.put("port", target.getPort());
            JsonNode r = call("POST", "/route", body);
            return new InetSocketAddress(r.path("host").asText(), r.path("port").asInt());
        };
    }

    /** Asks the daemon to stop; returns at once (the daemon stops in the background). */
    public void down() {
        call("POST", "/down", Map.of());
    }

    private Reply reply(JsonNode r) {
        List<String> lines = new ArrayList<>();
        r.path("lines").forEach(l -> lines.add(l.asText()));
        return new Reply(r.path("ok").asBoolean(), lines);
    }

    private JsonNode call(String method, String path, Map<String, Object> body) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(state.controlUrl() + path)).timeout(TIMEOUT);
            request = method.equals("GET") ? request.GET()
                    : request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json");
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ControlRefusal("the cluster daemon (pid " + state.pid() + ") does not answer at " + state.controlUrl()
                    + " (" + e + "): see its log " + state.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster daemon", e);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the cluster daemon answered " + path + " with something other than JSON: " + e.getMessage(), e);
        }
        if (response.statusCode() == 400) throw new ControlRefusal(reply.path("error").asText());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the cluster daemon failed at " + path + ": " + reply.path("error").asText()
                    + " (see its log " + state.log() + ")");
        }
        return reply;
    }
}
