package io.faultline.nemesis.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Toxiproxy HTTP API over a {@link ProxyRegistry}: {@code /version}, {@code /reset},
 * {@code /populate}, {@code /proxies[/{proxy}[/toxics[/{toxic}]]]}, with Toxiproxy's JSON fields,
 * status codes (201 on create, 204 on delete and reset, 404, 409, 400) and error bodies
 * {@code {"error": "...", "status": n}}. Updates accept POST or PATCH.
 *
 * <p>Called by the HTTP server's threads; every change is in effect when its response is sent.
 */
final class ProxyApi implements HttpHandler {

    static final String VERSION = "2.9.0-faultline";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProxyRegistry registry;

    ProxyApi(ProxyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            try {
                Reply reply = route(exchange.getRequestMethod(), segments(exchange), body);
                if (reply.body() == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, reply.status(), reply.body());
                }
            } catch (ApiException e) {
                sendError(exchange, e.status(), e.getMessage());
            } catch (IllegalArgumentException e) {
                sendError(exchange, 400, "bad request body: " + e.getMessage());
            } catch (RuntimeException e) {
                sendError(exchange, 500, String.valueOf(e.getMessage()));
            }
        }
    }

    /** A response: status and JSON body, or no body (204). */
    private record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply created(JsonNode body) {
            return new Reply(201, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }
    }

    private Reply route(String method, List<String> path, byte[] body) {
        int n = path.size();
        String p0 = n > 0 ? path.get(0) : "";
        if (n == 1 && p0.equals("version") && method.equals("GET")) {
            return Reply.ok(JSON.createObjectNode().put("version", VERSION));
        }
        if (n == 1 && p0.equals("reset") && method.equals("POST")) {
            registry.reset();
            return Reply.noContent();
        }
        if (n == 1 && p0.equals("populate") && method.equals("POST")) {
            ObjectNode result = JSON.createObjectNode();
            result.set("proxies", populate(parse(body)));
            return Reply.created(result);
        }
        if (n >= 1 && p0.equals("proxies")) {
            if (n == 1 && method.equals("GET")) {
                ObjectNode all = JSON.createObjectNode();
                for (TcpProxy proxy : registry.all()) all.set(proxy.name(), proxyJson(proxy));
                return Reply.ok(all);
            }
            if (n == 1 && method.equals("POST")) {
                JsonNode input = parse(body);
                TcpProxy proxy = registry.create(text(input, "name", null), text(input, "listen", null),
                        text(input, "upstream", null), !input.has("enabled") || input.get("enabled").asBoolean());
                return Reply.created(proxyJson(proxy));
            }
            TcpProxy proxy = registry.get(path.get(1));
            if (n == 2) return proxyRoute(method, proxy, body);
            if (n >= 3 && path.get(2).equals("toxics")) return toxicRoute(method, proxy, n == 4 ? path.get(3) : null, body, n);
        }
        throw new ApiException(404, "404 page not found: " + method + " /" + String.join("/", path));
    }

    private Reply proxyRoute(String method, TcpProxy proxy, byte[] body) {
        switch (method) {
            case "GET":
                return Reply.ok(proxyJson(proxy));
            case "POST":
            case "PATCH":
                JsonNode input = parse(body);
                proxy.update(text(input, "listen", null), text(input, "upstream", null));
                if (input.has("enabled")) {
                    if (input.get("enabled").asBoolean()) enable(proxy);
                    else proxy.disable();
                }
                return Reply.ok(proxyJson(proxy));
            case "DELETE":
                registry.remove(proxy.name());
                return Reply.noContent();
            default:
                throw new ApiException(405, "method not allowed: " + method);
        }
    }

    private Reply toxicRoute(String method, TcpProxy proxy, String toxicName, byte[] body, int n) {
        if (n == 3 && method.equals("GET")) {
            ArrayNode all = JSON.createArrayNode();
            proxy.view().toxics().forEach(t -> all.add(toxicJson(t)));
            return Reply.ok(all);
        }
        if (n == 3 && method.equals("POST")) {
            Toxic toxic = toxicFrom(parse(body));
            try {
                proxy.addToxic(toxic);
            } catch (IllegalStateException e) {
                throw new ApiException(409, e.getMessage());
            }
            return Reply.ok(toxicJson(toxic));
        }
        if (n != 4) throw new ApiException(404, "404 page not found");
        Toxic existing = proxy.toxic(toxicName).orElseThrow(() -> ApiException.notFound("toxic " + toxicName));
        switch (method) {
            case "GET":
                return Reply.ok(toxicJson(existing));
            case "POST":
            case "PATCH":
                JsonNode input = parse(body);
                double toxicity = input.has("toxicity") ? input.get("toxicity").asDouble() : existing.toxicity();
                Toxic updated = existing.updated(toxicity, attributes(input.get("attributes")));
                proxy.updateToxic(updated);
                return Reply.ok(toxicJson(updated));
            case "DELETE":
                if (!proxy.removeToxic(toxicName)) throw ApiException.notFound("toxic " + toxicName);
                return Reply.noContent();
            default:
                throw new ApiException(405, "method not allowed: " + method);
        }
    }

    private void enable(TcpProxy proxy) {
        try {
            proxy.enable();
        } catch (RuntimeException e) {
            throw new ApiException(500, e.getMessage());
        }
    }

    private ArrayNode populate(JsonNode input) {
        if (!input.isArray()) throw new ApiException(400, "bad request body: populate expects a JSON array of proxies");
        ArrayNode created = JSON.createArrayNode();
        for (JsonNode config : input) {
            String name = text(config, "name", null);
            String listen = text(config, "listen", null);
            String upstream = text(config, "upstream", null);
            boolean enabled = !config.has("enabled") || config.get("enabled").asBoolean();
            registry.all().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(old -> {
                TcpProxy.ProxyView view = old.view();
                if (!view.upstream().equals(upstream) || (listen != null && !listen.equals(view.listen()))) {
                    registry.remove(name);
                }
            });
            TcpProxy proxy = registry.all().stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseGet(() -> registry.create(name, listen, upstream, enabled));
            created.add(proxyJson(proxy));
        }
        return created;
    }

    static Toxic toxicFrom(JsonNode input) {
        String typeName = text(input, "type", null);
        if (typeName == null) throw new ApiException(400, "missing required field: type");
        ToxicType type;
        StreamDirection stream;
        try {
            type = ToxicType.ofWireName(typeName);
            stream = StreamDirection.ofWireName(text(input, "stream", "downstream"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        String name = text(input, "name", "");
        if (name.isEmpty()) name = type.wireName() + "_" + stream.wireName();
        double toxicity = input.has("toxicity") ? input.get("toxicity").asDouble() : 1.0;
        return new Toxic(name, type, stream, toxicity, attributes(input.get("attributes")));
    }

    private static Map<String, Long> attributes(JsonNode node) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) return result;
        if (!node.isObject()) throw new IllegalArgumentException("attributes must be an object, was " + node);
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("attribute " + e.getKey() + " must be a number, was " + e.getValue());
            }
            result.put(e.getKey(), e.getValue().asLong());
        });
        return result;
    }

    static ObjectNode proxyJson(TcpProxy proxy) {
        TcpProxy.ProxyView view = proxy.view();
        ObjectNode json = JSON.createObjectNode();
        json.put("name", view.name());
        json.put("listen", view.listen());
        json.put("upstream", view.upstream());
        json.put("enabled", view.enabled());
        ArrayNode toxics = json.putArray("toxics");
        view.toxics().forEach(t -> toxics.add(toxicJson(t)));
        return json;
    }

    static ObjectNode toxicJson(Toxic toxic) {
        ObjectNode json = JSON.createObjectNode();
        json.put("name", toxic.name());
        json.put("type", toxic.type().wireName());
        json.put("stream", toxic.stream().wireName());
        json.put("toxicity", toxic.toxicity());
        ObjectNode attributes = json.putObject("attributes");
        toxic.attributes().forEach(attributes::put);
        return json;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "bad request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "bad request body: " + e.getMessage());
        }
    }

    private static List<String> segments(HttpExchange exchange) {
        List<String> result = new ArrayList<>();
        for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
            if (!segment.isEmpty()) result.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
        return result;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("error", message).put("status", status);
        send(exchange, status, json);
    }
}
