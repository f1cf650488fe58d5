package io.faultline.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * One etcd member's v3 HTTP/JSON gateway ({@code POST /v3/kv/range|put|txn}, {@code /v3/maintenance/status}):
 * keys and values are base64 in the JSON, as the gateway's proto mapping says. Every call either returns
 * the response body or throws a {@link GatewayException} that says whether the request certainly did not
 * reach etcd. Thread-safe (the {@link HttpClient} is).
 */
final class EtcdGateway {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    /** @param base e.g. {@code http://10.215.0.2:2379} */
    EtcdGateway(HttpClient http, URI base, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** An HTTP/1.1 client whose connect timeout is {@code timeout}. */
    static HttpClient httpClient(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** A failed call: {@code definite} when the request certainly never reached etcd (no connection). */
    static final class GatewayException extends Exception {
        private final boolean definite;

        GatewayException(String message, boolean definite) {
            super(message);
            this.definite = definite;
        }

        boolean definite() {
            return definite;
        }
    }

    /** POSTs {@code body} to {@code path} (e.g. {@code /v3/kv/put}) and returns the JSON answer of a 200. */
    JsonNode post(String path, ObjectNode body) throws GatewayException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new GatewayException("connect-timeout", true);
        } catch (ConnectException e) {
            throw new GatewayException("connection-refused", true);
        } catch (HttpTimeoutException e) {
            throw new GatewayException("timeout", false);
        } catch (IOException e) {
            throw new GatewayException("io " + e.getClass().getSimpleName(), false);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GatewayException("bad-response " + response.statusCode(), false);
        }
        if (response.statusCode() != 200) {
            String error = answer.path("error").asText(answer.path("message").asText("http " + response.statusCode()));
            throw new GatewayException(error, false);
        }
        return answer;
    }

    /** A new JSON object. */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** base64 of the UTF-8 bytes of {@code s}. */
    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The string whose base64 is {@code b64}. */
    static String unb64(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "etcd gateway " + base;
    }
}
