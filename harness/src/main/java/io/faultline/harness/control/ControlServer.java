package io.faultline.harness.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The daemon's control endpoint: JSON over HTTP on 127.0.0.1 (a free port), with the JDK's server.
 *
 * <ul>
 *   <li>{@code GET /status}: the {@link ClusterStatus}</li>
 *   <li>{@code POST /fault} {@code {"action": partition|heal|kill|restart|pause|resume|latency,
 *       "node", "spec", "latencyMs", "link"}}: {@code {"text"}}</li>
 *   <li>{@code POST /write} {@code {"key", "value", "node"}} and {@code POST /read}
 *       {@code {"key", "node"}}: {@code {"ok", "lines"}}</li>
 *   <li>{@code GET /faults?after=N}: {@code {"last", "faults": [{"seq", "f", "value", "at"}]}}, the
 *       faults made by hand after the N-th</li>
 *   <li>{@code POST /route} {@code {"from", "to", "kind", "host", "port"}}: {@code {"host", "port"}}</li>
 *   <li>{@code POST /down}: {@code {"text"}}, then the daemon stops</li>
 * </ul>
 * A refused request answers 400 {@code {"error"}} (one line for the user); a failure 500.
 */
public final class ControlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final ExecutorService threads;

    private ControlServer(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /** Starts serving {@code daemon}; {@code onDown} runs (once per request) when a client asks it to stop. */
    public static ControlServer start(ClusterDaemon daemon, Runnable onDown) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the control endpoint on 127.0.0.1: " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "faultline-control");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/status", ex -> answer(ex, body -> daemon.status()));
        http.createContext("/fault", ex -> answer(ex, body -> Map.of("text", fault(daemon.faults(), body))));
        http.createContext("/faults", ex -> answer(ex, body -> faults(daemon.faults().log(), ex.getRequestURI().getQuery())));
        http.createContext("/write", ex -> answer(ex, body -> reply(daemon.write(text(body, "key"),
                text(body, "value"), optional(body, "node")))));
        http.createContext("/read", ex -> answer(ex, body -> reply(daemon.read(text(body, "key"),
                optional(body, "node")))));
        http.createContext("/route", ex -> answer(ex, body -> {
            InetSocketAddress routed = daemon.route(text(body, "from"), text(body, "to"), text(body, "kind"),
                    new InetSocketAddress(text(body, "host"), body.path("port").asInt()));
            return Map.of("host", routed.getHostString(), "port", routed.getPort());
        }));
        http.createContext("/down", ex -> {
            answer(ex, body -> Map.of("text", "stopping"));
            onDown.run();
        });
        http.start();
        return new ControlServer(http, threads);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static String fault(FaultControl faults, JsonNode body) throws Exception {
        String action = text(body, "action");
        return switch (action) {
            case "partition" -> faults.partition(text(body, "spec"));
            case "heal" -> faults.heal();
            case "kill" -> faults.kill(text(body, "node"));
            case "restart" -> faults.restart(text(body, "node"));
            case "pause" -> faults.pause(text(body, "node"));
            case "resume" -> faults.resume(text(body, "node"));
            case "latency" -> faults.latency(Duration.ofMillis(body.path("latencyMs").asLong()), optional(body, "link"));
            default -> throw new ControlRefusal("unknown fault action '" + action + "'");
        };
    }

    private static Map<String, Object> faults(FaultLog log, String query) {
        long after = 0;
        if (query != null && query.startsWith("after=")) {
            try {
                after = Long.parseLong(query.substring("after=".length()));
            } catch (NumberFormatException e) {
                throw new ControlRefusal("bad query '" + query + "': expected after=N with a number N");
            }
        }
        List<Map<String, Object>> faults = new ArrayList<>();
        for (FaultLog.Entry e : log.after(after)) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("seq", e.seq());
            fault.put("f", e.f());
            fault.put("value", e.value());
            fault.put("at", e.at().toString());
            faults.add(fault);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("last", log.last());
        reply.put("faults", faults);
        return reply;
    }

    private interface Handler {
        Object handle(JsonNode body) throws Exception;
    }

    private static void answer(HttpExchange ex, Handler handler) throws IOException {
        int code;
        Object reply;
        try {
            byte[] in = ex.getRequestBody().readAllBytes();
            reply = handler.handle(in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in));
            code = 200;
        } catch (ControlRefusal e) {
            code = 400;
            reply = error(e.getMessage());
        } catch (Exception | LinkageError e) {
            code = 500;
            reply = error(e.toString());
        }
        byte[] out = JSON.writeValueAsBytes(reply);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static Map<String, Object> reply(io.faultline.core.node.HasConsole.Reply r) {
        return Map.of("ok", r.ok(), "lines", r.lines());
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) throw new ControlRefusal("the request lacks '" + field + "'");
        return v.asText();
    }

    private static String optional(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Stops answering (requests in progress get a second). */
    @Override
    public void close() {
        http.stop(1);
        threads.shutdownNow();
    }
}
