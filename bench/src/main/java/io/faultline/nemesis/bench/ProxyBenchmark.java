package io.faultline.nemesis.bench;

import io.faultline.core.net.Grudge;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.proxy.FaultProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Compares the throughput of small request/response commands to a real {@code redis-server}
 * directly, through the embedded fault proxy, and through a minimal C forwarder
 * ({@link ReferenceForwarder}, when a C compiler is there), with 50 concurrent connections, under
 * two loads: the Java one ({@link SocketLoad}) and {@code redis-benchmark} ({@link RedisBenchmarkLoad},
 * when installed). Then measures how fast a partition takes effect on an open connection.
 *
 * <p>{@code java ... ProxyBenchmark [--redis PATH] [--connections 50] [--seconds 3] [--rounds 5]
 * [--loops N] [--loads java,redis-benchmark] [--reference on|off]}. Without a redis-server it falls
 * back to its own tiny RESP responder ({@link RespResponder}). Rounds are interleaved, each starting
 * with another path, so that a shared machine's drifting load hits every path alike; the figures
 * are medians of the rounds' ratios.
 */
public final class ProxyBenchmark {

    private static final String DIRECT = "direct";
    private static final String PROXY = "faultline proxy";
    private static final String REFERENCE = "C reference forwarder";
    /** The target: through the proxy, at least this share of direct throughput. */
    private static final double TARGET = 0.70;

    private ProxyBenchmark() {
    }

    /** CPU time used so far by the fault proxy's threads. */
    private static long proxyCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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
        Map<String, String> options = Options.parse(args, Set.of("--redis", "--connections", "--seconds", "--rounds",
                "--loops", "--loads", "--reference"));
        int connections = Integer.parseInt(options.getOrDefault("--connections", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "3"));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
        int loops = Integer.parseInt(options.getOrDefault("--loops",
                String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))));
        String redis = options.containsKey("--redis") ? options.get("--redis")
                : Executables.find("redis-server").orElse(null);
        List<Load> loads = loads(options.getOrDefault("--loads", "java,redis-benchmark"));
        boolean reference = switch (options.getOrDefault("--reference", "on")) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--reference must be on or off, not " + options.get("--reference"));
        };

        ReferenceForwarder forwarder = null;
        try (Backend backend = redis == null ? RespResponder.start() : RedisProcess.start(redis);
             FaultProxyServer server = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0), loops);
             LinkTable table = LinkTable.over(server)) {
            Map<String, InetSocketAddress> paths = new LinkedHashMap<>();
            paths.put(DIRECT, backend.address());
            paths.put(PROXY, table.route("client1", "n1", "redis", backend.address()));
            if (reference) {
                forwarder = ReferenceForwarder.start(backend.address()).orElse(null);
                if (forwarder != null) paths.put(REFERENCE, forwarder.address());
            }
            System.out.printf("backend: %s at %s; proxy event loops: %d; %d connections, %d s per run; "
                            + "%d CPUs; loads: %s%n", backend.description(), backend.address(), loops, connections,
                    seconds, Runtime.getRuntime().availableProcessors(), loads.stream().map(Load::name).toList());
            for (Load load : loads) compare(load, paths, connections, seconds, rounds);
            measurePartition(table, paths.get(PROXY));
        } finally {
            if (forwarder != null) forwarder.close();
        }
    }

    private static List<Load> loads(String names) {
        List<Load> loads = new ArrayList<>();
        for (String name : names.split(",")) {
            switch (name.strip()) {
                case "java" -> loads.add(new SocketLoad());
                case "redis-benchmark" -> RedisBenchmarkLoad.find().ifPresentOrElse(loads::add,
                        () -> System.out.println("redis-benchmark load: skipped, no redis-benchmark on PATH"));
                default -> throw new IllegalArgumentException("unknown load '" + name + "' in --loads (known: java, redis-benchmark)");
            }
        }
        return loads;
    }

    /** Runs interleaved rounds of one load over every path; prints each round and the medians. */
    private static void compare(Load load, Map<String, InetSocketAddress> paths, int connections, int seconds,
                                int rounds) throws Exception {
        List<String> names = new ArrayList<>(paths.keySet());
        for (String name : names) load.run(paths.get(name), connections, 1);
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> rates = new LinkedHashMap<>();
            double cpuPerOp = 0;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round - 1 + i) % names.size());
                long cpuBefore = proxyCpuNanos();
                Load.Result result = load.run(paths.get(name), connections, seconds);
                if (name.equals(PROXY)) cpuPerOp = (proxyCpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.ops());
                rates.put(name, result.opsPerSecond());
            }
            StringBuilder line = new StringBuilder(String.format("round %d [%s]:", round, load.name()));
            for (String name : names) {
                double rate = rates.get(name);
                sums.merge(name, rate, Double::sum);
                line.append(String.format(" %s %,.0f ops/s", name, rate));
                if (!name.equals(DIRECT)) {
                    double ratio = rate / rates.get(DIRECT);
                    ratios.computeIfAbsent(name, k -> new ArrayList<>()).add(ratio);
                    line.append(String.format(" (%.0f%%)", 100 * ratio));
                }
                line.append(';');
            }
            System.out.println(line.append(String.format(" proxy threads' CPU %.1f µs per op", cpuPerOp)));
        }
        StringBuilder result = new StringBuilder(String.format("RESULT throughput [%s, %d connections]: direct %,.0f ops/s (mean)",
                load.name(), connections, sums.get(DIRECT) / rounds));
        ratios.forEach((name, list) -> result.append(String.format("; %s %,.0f ops/s (mean), median %.0f%% of direct (rounds: %s)",
                name, sums.get(name) / rounds, 100 * median(list),
                list.stream().map(r -> String.format("%.0f%%", 100 * r)).toList())));
        System.out.println(result);
        double proxy = median(ratios.get(PROXY));
        String verdict = String.format("RESULT target [%s]: fault proxy at %.0f%% of direct, target 70%%: %s", load.name(),
                100 * proxy, proxy >= TARGET ? "met" : "NOT met");
        if (ratios.containsKey(REFERENCE)) {
            verdict += String.format("; the C reference forwarder gets %.0f%%, the bound of this machine for a user-space forwarder",
                    100 * median(ratios.get(REFERENCE)));
        }
        System.out.println(verdict);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
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
            out.write(SocketLoad.PING);
            SocketLoad.readLine(in);
            long start = System.nanoTime();
            net.partition(new Grudge(Map.of("n1", Set.of("n2"))));
            long returned = System.nanoTime();
            out.write(SocketLoad.PING);
            boolean stopped;
            try {
                SocketLoad.readLine(in);
                stopped = false;
            } catch (SocketTimeoutException e) {
                stopped = true;
            }
            boolean freshStopped;
            try (Socket fresh = new Socket()) {
                fresh.connect(proxied, 2_000);
                fresh.setSoTimeout(500);
                fresh.getOutputStream().write(SocketLoad.PING);
                SocketLoad.readLine(fresh.getInputStream());
                freshStopped = false;
            } catch (SocketTimeoutException e) {
                freshStopped = true;
            }
            net.heal();
            socket.setSoTimeout(2_000);
            SocketLoad.readLine(in);
            System.out.printf("RESULT partition: Net.partition returned after %.1f ms; existing connection %s, "
                            + "new connection %s; after heal the held PING was answered%n",
                    (returned - start) / 1e6, stopped ? "stopped getting answers" : "STILL ANSWERED",
                    freshStopped ? "got no answer" : "WAS ANSWERED");
        }
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

        /** @throws IllegalArgumentException naming {@code binary} when it is not an executable file */
        static RedisProcess start(String binary) throws Exception {
            java.io.File file = new java.io.File(binary);
            if (!file.isFile() || !file.canExecute()) {
                throw new IllegalArgumentException("--redis " + binary + " is not an executable file: give the path of a "
                        + "redis-server, or leave --redis out to use the one on PATH");
            }
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            Process process = ChildProcesses.start(new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 200);
                    return new RedisProcess(process, address, binary);
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        ChildProcesses.stop(process);
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
            ChildProcesses.stop(process);
        }
    }
}
