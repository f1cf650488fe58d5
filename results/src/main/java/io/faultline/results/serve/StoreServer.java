package io.faultline.results.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.faultline.results.store.RunDirectory;
import io.faultline.results.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a store over HTTP with the JDK's server: {@code faultline serve}.
 * <ul>
 *   <li>{@code /} — the runs, newest first, coloured by verdict, with key figures;
 *   <li>{@code /runs/<test>/<time>/} — one run's files; {@code /runs/<test>/<time>/<file>} — a file of it
 *       ({@code report.html}, {@code history.edn}, logs, ...);
 *   <li>{@code /zip/<test>/<time>.zip} — the run directory as a zip.
 * </ul>
 * Only GET and HEAD. Paths are checked segment by segment ({@link StorePaths}): {@code ..}, symbolic links
 * out of the store, hidden files and encoded separators are refused with 404. Bind it to a loopback
 * address ({@code 127.0.0.1}); nothing here authenticates. Close to stop.
 */
public final class StoreServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Store store;

    private StoreServer(HttpServer server, ExecutorService executor, Store store) {
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    /**
     * Starts serving the store at {@code storeRoot} (created if missing) on {@code bind}; port 0 picks a free port.
     *
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static StoreServer start(Path storeRoot, InetSocketAddress bind) {
        Objects.requireNonNull(bind, "bind");
        Store store = Store.open(storeRoot);
        try {
            HttpServer server = HttpServer.create(bind, 64);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "faultline-serve");
                t.setDaemon(true);
                return t;
            });
            StoreServer s = new StoreServer(server, executor, store);
            server.createContext("/", s::handle);
            server.setExecutor(executor);
            server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
    }

    /** The address actually bound (with the port chosen when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The URL of the index, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "only GET and HEAD\n");
                return;
            }
            Optional<StorePaths.Target> target = StorePaths.parse(exchange.getRequestURI().getRawPath());
            if (target.isEmpty()) {
                send(exchange, 404, "text/plain", "not found\n");
                return;
            }
            route(exchange, target.get());
        } catch (RuntimeException e) {
            if (exchange.getResponseCode() < 0) send(exchange, 500, "text/plain", "internal error\n");
        }
    }

    private void route(HttpExchange exchange, StorePaths.Target target) throws IOException {
        switch (target.kind()) {
            case INDEX -> send(exchange, 200, "text/html; charset=utf-8", IndexPage.render(store.runs()));
            case RUN, FILE, ZIP -> {
                Optional<RunDirectory> run;
                try {
                    run = store.run(target.test(), target.time());
                } catch (IllegalArgumentException e) {
                    run = Optional.empty(); // not a test name the store could hold
                }
                if (run.isEmpty()) {
                    send(exchange, 404, "text/plain", "no such run\n");
                } else if (target.kind() == StorePaths.Kind.RUN) {
                    send(exchange, 200, "text/html; charset=utf-8", RunPage.render(run.get(), store.root()));
                } else if (target.kind() == StorePaths.Kind.ZIP) {
                    sendZip(exchange, run.get());
                } else {
                    sendFile(exchange, run.get(), target.file());
                }
            }
        }
    }

    private void sendFile(HttpExchange exchange, RunDirectory run, String relative) throws IOException {
        Optional<Path> file = StorePaths.resolveInside(store.root(), run.path(), relative);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            send(exchange, 404, "text/plain", "not found\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(file.get()));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        long size = Files.size(file.get());
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file.get(), out);
        }
    }

    private void sendZip(HttpExchange exchange, RunDirectory run) throws IOException {
        String name = run.testName() + "-" + run.path().getFileName() + ".zip";
        exchange.getResponseHeaders().set("Content-Type", "application/zip");
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            RunZip.write(store.root(), run.path(), out);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
