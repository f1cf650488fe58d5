package io.faultline.nemesis.bench;

import io.faultline.core.net.Grudge;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.proxy.FaultProxyServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compares the throughput of small request/response commands (RESP {@code PING} and {@code SET}) to
 * a real {@code redis-server} directly and through the embedded fault proxy, with 50 concurrent
 * connections, and measures how fast a partition takes effect on an open connection.
 *
 * <p>{@code java ... ProxyBenchmark [--redis PATH] [--connections 50] [--seconds 3] [--rounds 5] [--loops N]}.
 * Without a redis-server (PATH or {@code /usr/bin/redis-server}) it falls back to its own tiny
 * RESP responder ({@link RespResponder}).
 */
public final class ProxyBenchmark {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SET = "*3\r\n$3\r\nSET\r\n$5\r\nbench\r\n$5\r\nvalue\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Operations of the last run, counted from its start to its end (warm-up included). */
    private static long lastOps;

    private ProxyBenchmark() {
    }

    /** CPU time used so far by the fault proxy's threads. */
    private static long proxyCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(FaultProxyServer.THREAD_PREFIX)) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                if (cpu > 0) total += cpu;
            }
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, Set.of("--redis", "--connections", "--seconds", "--rounds", "--loops"));
        int connections = Integer.parseInt(options.getOrDefault("--connections", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "3"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        int loops = Integer.parseInt(options.getOrDefault("--loops",
                String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))));
        String redis = options.getOrDefault("--redis", findRedis());

        try (Backend backend = redis == null ? RespResponder.start() : RedisProcess.start(redis);
             FaultProxyServer server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0), loops);
             LinkTable table = LinkTable.over(server)) {
            InetSocketAddress direct = backend.address();
            InetSocketAddress proxied = table.route("client1", "n1", "redis", direct);
            System.out.printf("backend: %s at %s; proxy event loops: %d; %d connections, %d s per run%n",
                    backend.description(), direct, loops, connections, seconds);
            run(direct, connections, 1);
            run(proxied, connections, 1);
            // Interleaved rounds (direct first, then proxy first) so that the load of a shared
            // machine drifts over both alike; the figure is the median of the rounds' ratios.
            List<Double> ratios = new ArrayList<>();
            double directSum = 0;
            double proxySum = 0;
            for (int round = 1; round <= rounds; round++) {
                boolean directFirst = round % 2 == 1;
                double d = directFirst ? run(direct, connections, seconds) : 0;
                long proxyCpuBefore = proxyCpuNanos();
                double p = run(proxied, connections, seconds);
                double cpuPerOp = (proxyCpuNanos() - proxyCpuBefore) / 1e3 / Math.max(1, lastOps);
                if (!directFirst) d = run(direct, connections, seconds);
                directSum += d;
                proxySum += p;
                ratios.add(p / d);
                System.out.printf("round %d: direct %,.0f ops/s, through proxy %,.0f ops/s (%.0f%%); "
                        + "proxy threads' CPU %.1f µs per op%n", round, d, p, 100 * p / d, cpuPerOp);
            }
            java.util.Collections.sort(ratios);
            System.out.printf("RESULT throughput: mean direct %,.0f ops/s, mean through proxy %,.0f ops/s; "
                            + "median ratio %.0f%% of direct (rounds: %s)%n",
                    directSum / rounds, proxySum / rounds, 100 * ratios.get(ratios.size() / 2),
                    ratios.stream().map(r -> String.format("%.0f%%", 100 * r)).toList());
            measurePartition(table, proxied);
        }
    }

    /** Runs the workload against an address; returns operations per second. */
    static double run(InetSocketAddress address, int connections, int seconds) throws Exception {
        LongAdder ops = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 2_000);
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    ready.countDown();
                    boolean ping = true;
                    while (!stop.get()) {
                        out.write(ping ? PING : SET);
                        readLine(in);
                        ping = !ping;
                        ops.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                    ready.countDown();
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await(10, TimeUnit.SECONDS);
        long before = ops.sum();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long done = ops.sum() - before;
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        lastOps = ops.sum();
        for (Thread thread : threads) thread.join(5_000);
        if (!failures.isEmpty()) throw new IllegalStateException("benchmark client failed: " + failures.get(0), failures.get(0));
        return done * 1e9 / elapsed;
    }

    /** Times Net.partition on a link with an open connection doing PINGs, then heals. */
    private static void measurePartition(LinkTable table, InetSocketAddress proxied) throws Exception {
        ProxyNet net = ProxyNet.over(table).withClientSides(Map.of("client1", "n2"));
        try (Socket socket = new Socket()) {
            socket.connect(proxied, 2_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(PING);
            readLine(in);
            long start = System.nanoTime();
            net.partition(new Grudge(Map.of("n1", Set.of("n2"))));
            long returned = System.nanoTime();
            out.write(PING);
            boolean stopped;
            try {
                readLine(in);
                stopped = false;
            } catch (SocketTimeoutException e) {
                stopped = true;
            }
            boolean freshStopped;
            try (Socket fresh = new Socket()) {
                fresh.connect(proxied, 2_000);
                fresh.setSoTimeout(500);
                fresh.getOutputStream().write(PING);
                readLine(fresh.getInputStream());
                freshStopped = false;
            } catch (SocketTimeoutException e) {
                freshStopped = true;
            }
            net.heal();
            socket.setSoTimeout(2_000);
            readLine(in);
            System.out.printf("RESULT partition: Net.partition returned after %.1f ms; existing connection %s, "
                            + "new connection %s; after heal the held PING was answered%n",
                    (returned - start) / 1e6, stopped ? "stopped getting answers" : "STILL ANSWERED",
                    freshStopped ? "got no answer" : "WAS ANSWERED");
        }
    }

    /** Reads one RESP line (a simple reply such as +PONG or +OK). */
    static void readLine(InputStream in) throws IOException {
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed mid-reply");
            if (previous == '\r' && b == '\n') return;
            previous = b;
        }
    }

    private static String findRedis() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) return candidate.getPath();
        }
        File usual = new File("/usr/bin/redis-server");
        return usual.canExecute() ? usual.getPath() : null;
    }

    /** What the benchmark talks to. */
    interface Backend extends AutoCloseable {
        InetSocketAddress address();

        String description();
    }

    /** A redis-server process on a free 127.0.0.1 port, without persistence. */
    static final class RedisProcess implements Backend {
        private final Process process;
        private final InetSocketAddress address;
        private final String binary;

        private RedisProcess(Process process, InetSocketAddress address, String binary) {
            this.process = process;
            this.address = address;
            this.binary = binary;
        }

        static RedisProcess start(String binary) throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Process process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 200);
                    return new RedisProcess(process, address, binary);
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new IllegalStateException("redis-server " + binary + " did not start on port " + port, e);
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }
            }
        }

        @Override
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public String description() {
            return "redis-server (" + binary + ")";
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }
}
