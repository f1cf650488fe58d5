package io.faultline.results.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.results.store.RunDirectory;
import io.faultline.results.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreServerTest {

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private StoreServer server;
    private RunDirectory older;
    private RunDirectory newer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveAStoreOfTwoRuns() throws Exception {
        Store store = Store.open(root, ZoneOffset.UTC);
        older = store.create("register", Instant.parse("2024-01-01T10:00:00Z"));
        older.writeResults(Result.valid("fine"));
        newer = store.create("lost-writes", Instant.parse("2024-01-02T10:00:00Z"));
        History history = History.of(List.of(new Op(-1, 0, OpType.INVOKE, 0, "add", 1L, null, Map.of()),
                new Op(-1, 1_000_000, OpType.OK, 0, "add", 1L, null, Map.of())));
        Result lost = Result.invalid("1 lost", Map.of("lost", List.of(1L)));
        newer.writeResults(lost);
        newer.writeReport(history, lost);
        Files.writeString(newer.logsDirectory().resolve("n1.log"), "redis started\n");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        server = StoreServer.start(root, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** Sends a request line as it is, without a client normalising the path first. */
    private int rawStatus(String rawPath) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void listsRunsNewestFirstWithVerdictAndLinks() throws Exception {
        String index = text(get("/"));

        assertThat(index.indexOf("lost-writes")).isLessThan(index.indexOf("register"));
        assertThat(index).contains("class=\"badge v-false\">invalid", "class=\"badge v-true\">valid");
        assertThat(index).contains("href=\"/runs/lost-writes/" + newer.path().getFileName() + "/report.html\"");
        assertThat(index).contains("href=\"/zip/lost-writes/" + newer.path().getFileName() + ".zip\"");
    }

    @Test
    void servesEachRunsReportAndFiles() throws Exception {
        String base = "/runs/lost-writes/" + newer.path().getFileName() + "/";

        HttpResponse<byte[]> report = get(base + "report.html");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(text(report)).contains("id=\"report-data\"");
        assertThat(text(get(base + "logs/n1.log"))).isEqualTo("redis started\n");
        assertThat(text(get(base))).contains("results.edn", "logs/n1.log", "report.html");
    }

    @Test
    void downloadsARunAsAZip() throws Exception {
        HttpResponse<byte[]> zip = get("/zip/lost-writes/" + newer.path().getFileName() + ".zip");

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        String prefix = "lost-writes/" + newer.path().getFileName() + "/";
        assertThat(names).contains(prefix + "report.html", prefix + "results.json", prefix + "logs/n1.log");
    }

    @Test
    void refusesPathsThatLeaveTheStore() throws Exception {
        Files.createSymbolicLink(newer.path().resolve("escape.txt"), outside.resolve("secret.txt"));
        String run = "/runs/lost-writes/" + newer.path().getFileName();

        for (String path : List.of(run + "/../../../etc/passwd", run + "/%2e%2e/%2e%2e/register", run + "/..%2f..%2fsecret",
                run + "/logs%2f..%2f..%2f..%2fsecret", "/runs/..%2F..%2F/x/y", run + "/escape.txt", run + "/.results.json.tmp",
                "/runs/lost-writes/latest/report.html", "/zip/../register.zip", "/runs/%00/x", "/etc/passwd")) {
            assertThat(rawStatus(path)).as(path).isEqualTo(404);
        }
        assertThat(rawStatus(run + "/results.json")).isEqualTo(200);
    }

    @Test
    void answersOnlyReads() throws Exception {
        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(URI.create(server.uri().toString()).getHost()).isEqualTo("127.0.0.1");
    }
}
