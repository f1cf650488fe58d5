package io.faultline.nemesis.proxy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault proxy: TCP proxies with toxics, controlled through the Toxiproxy HTTP API, so that
 * {@code eu.rekawek.toxiproxy:toxiproxy-java} (or curl) drives it as it drives a real Toxiproxy.
 *
 * <p>Embedded: {@code try (var server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0)))
 * { new ToxiproxyClient(server.host(), server.port()) ... }}. Standalone: {@link #main}.
 *
 * <p>Threads: one HTTP thread ({@code faultline-proxy-api}) and {@code loops} event-loop threads
 * ({@code faultline-proxy-loop-N}), all daemons. {@link #close()} deletes every proxy, closes every
 * listener and connection, and returns when all those threads have ended.
 */
public final class FaultProxyServer implements AutoCloseable {

    /** Prefix of the names of every thread the server starts. */
    public static final String THREAD_PREFIX = "faultline-proxy-";

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final HttpServer http;
    private final ExecutorService apiThread;
    private final List<EventLoop> loops;
    private final ProxyRegistry registry;

    private FaultProxyServer(HttpServer http, ExecutorService apiThread, List<EventLoop> loops, ProxyRegistry registry) {
        this.http = http;
        this.apiThread = apiThread;
        this.loops = loops;
        this.registry = registry;
    }

    /** Starts a server with one event loop per two cores (at least one), API on {@code api}. */
    public static FaultProxyServer start(InetSocketAddress api) {
        return start(api, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /**
     * Starts a server.
     *
     * @param api   where the HTTP API listens; port 0 picks a free port (see {@link #port()})
     * @param loops how many event-loop threads carry the proxied traffic, at least 1
     * @throws UncheckedIOException when the API address cannot be bound
     */
    public static FaultProxyServer start(InetSocketAddress api, int loops) {
        if (loops < 1) throw new IllegalArgumentException("loops must be >= 1, was " + loops);
        int id = SERVERS.incrementAndGet();
        List<EventLoop> started = new ArrayList<>();
        try {
            for (int i = 0; i < loops; i++) started.add(EventLoop.start(THREAD_PREFIX + "loop-" + id + "-" + i));
        } catch (IOException e) {
            started.forEach(EventLoop::close);
            throw new UncheckedIOException("cannot open a selector for the fault proxy", e);
        }
        AtomicInteger next = new AtomicInteger();
        ProxyRegistry registry = new ProxyRegistry(started.get(0),
                () -> started.get(Math.floorMod(next.getAndIncrement(), started.size())));
        ExecutorService apiThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, THREAD_PREFIX + "api-" + id);
            thread.setDaemon(true);
            return thread;
        });
        // The JDK server writes the headers and the body of a response apart; without TCP_NODELAY
        // Nagle's algorithm and the client's delayed ACK add 40 ms to every API call. Read once,
        // when the JDK's HTTP server is first used.
        if (System.getProperty(NODELAY_PROPERTY) == null) System.setProperty(NODELAY_PROPERTY, "true");
        try {
            HttpServer http = HttpServer.create(api, 64);
            http.createContext("/", new ProxyApi(registry));
            http.setExecutor(apiThread);
            http.start();
            return new FaultProxyServer(http, apiThread, started, registry);
        } catch (IOException e) {
            apiThread.shutdownNow();
            started.forEach(EventLoop::close);
            throw new UncheckedIOException("fault proxy API cannot listen on " + api + ": " + e.getMessage(), e);
        }
    }

    /** The address the API listens on. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The API's host as a client should use it, e.g. {@code 127.0.0.1}. */
    public String host() {
        return address().getAddress().getHostAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:8474}. */
    public String url() {
        return "http://" + HostPort.format(address());
    }

    /** How many proxies exist now. */
    public int proxyCount() {
        return registry.all().size();
    }

    /** Deletes every proxy, stops the API and the event loops; returns when their threads ended. Idempotent. */
    @Override
    public void close() {
        http.stop(0);
        apiThread.shutdown();
        try {
            if (!apiThread.awaitTermination(10, TimeUnit.SECONDS)) apiThread.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.clear();
        loops.forEach(EventLoop::close);
    }

    /**
     * Runs the proxy standalone until the JVM is stopped: {@code --listen HOST:PORT} (default
     * 127.0.0.1:8474) and {@code --loops N}.
     */
    public static void main(String[] args) throws InterruptedException {
        String listen = "127.0.0.1:8474";
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--listen") || arg.equals("--loops")) && i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--listen" -> listen = args[++i];
                case "--loops" -> loops = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + arg
                        + " (expected --listen HOST:PORT, --loops N)");
            }
        }
        FaultProxyServer server = start(HostPort.parse(listen, "--listen"), loops);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, THREAD_PREFIX + "shutdown"));
        System.out.println("faultline fault proxy (Toxiproxy API) listening on " + server.url());
        stopped.await();
    }
}
