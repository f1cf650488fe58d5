package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drives a headless Chromium over the DevTools protocol (a WebSocket on 127.0.0.1, with the JDK's client):
 * opens a page, records console errors, uncaught exceptions, log errors and every network request, waits
 * for the page to say it is ready, and takes a screenshot. One browser per instance; close it.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** What a page did while it loaded and rendered. */
    record PageCapture(String url, boolean ready, String failed, List<String> consoleErrors, List<String> exceptions,
                       List<String> logErrors, List<String> requests) {
    }

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The Chromium executable on the PATH, if any. */
    static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static HeadlessChromium start(Path executable) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("faultline-chromium");
        Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1400,1000", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String browserUrl = awaitListening(process);
            URI browser = URI.create(browserUrl);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String pageUrl = pageWebSocket(http, browser);
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), listener).get(10, TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            listener.owner = chromium;
            return chromium;
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw new IOException("cannot start headless Chromium: " + e, e);
        }
    }

    private static String awaitListening(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // the browser went away
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("Chromium did not print its DevTools address");
    }

    private static String pageWebSocket(HttpClient http, URI browser) throws Exception {
        URI list = URI.create("http://127.0.0.1:" + browser.getPort() + "/json/list");
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(response.body())) {
                if ("page".equals(target.path("type").asText())) return target.get("webSocketDebuggerUrl").asText();
            }
            Thread.sleep(100);
        }
        throw new IOException("Chromium has no page target");
    }

    /** Sends a command and waits for its result. */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) throw new IllegalStateException(method + " failed: " + reply.get("error"));
        return reply.path("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        return send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result").path("value");
    }

    /**
     * Opens a page, waits until its body has {@code data-ready} (or the timeout), and saves a screenshot
     * of its top {@code screenshotHeight} pixels.
     */
    PageCapture open(Path html, Path screenshot, int screenshotHeight, Duration timeout) throws Exception {
        events.clear();
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) send(domain + ".enable", Map.of());
        send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1,
                "mobile", false));
        String url = html.toUri().toString();
        send("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ready = false;
        while (System.nanoTime() < deadline) {
            if ("true".equals(evaluate("document.body ? document.body.getAttribute('data-ready') : null").asText())) {
                ready = true;
                break;
            }
            Thread.sleep(100);
        }
        String failed = evaluate("document.body ? document.body.getAttribute('data-failed') : null").asText(null);
        int height = Math.min(screenshotHeight, evaluate("document.documentElement.scrollHeight").asInt(1000));
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1400, "height", height, "scale", 1)));
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.write(screenshot, Base64.getDecoder().decode(shot.get("data").asText()));
        Thread.sleep(200); // let late events arrive
        List<String> console = new ArrayList<>();
        List<String> exceptions = new ArrayList<>();
        List<String> logErrors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) console.add(p.path("args").toString());
                }
                case "Runtime.exceptionThrown" -> exceptions.add(p.path("exceptionDetails").toString());
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) logErrors.add(p.path("entry").toString());
                }
                case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                default -> {
                }
            }
        }
        return new PageCapture(url, ready, failed, console, exceptions, logErrors, requests);
    }

    @Override
    public void close() {
        try {
            send("Browser.close", Map.of());
        } catch (Exception ignored) {
            // it may already be closing
        }
        socket.abort();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private void dispatch(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) answer.complete(message);
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable DevTools message", e);
        }
    }

    /** Collects message fragments and hands whole messages to the owner. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                while (owner == null) Thread.onSpinWait();
                owner.dispatch(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
