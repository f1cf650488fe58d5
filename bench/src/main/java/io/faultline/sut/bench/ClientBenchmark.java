package io.faultline.sut.bench;

import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.Replication;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the client's write throughput and latency on a local cluster, for async and sync
 * replication, with concurrent clients (one {@link ShardedClient} and thread each).
 *
 * <p>Run: {@code mvn -q -pl system-under-test compile exec:java} (this is the module's default
 * exec main class). System properties: {@code bench.nodes} (5), {@code bench.groups} (1),
 * {@code bench.clients} (10), {@code bench.seconds} (10 per mode), {@code bench.warmup} (2).
 */
public final class ClientBenchmark {
    private ClientBenchmark() {
    }

    /** One measured run. */
    record Result(Replication replication, int clients, double seconds, long ok, long fail, long info,
                  double opsPerSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return String.format("%-6s clients=%-3d ok/s=%9.0f  p50=%7.3f ms  p99=%7.3f ms  (ok=%d fail=%d info=%d in %.1f s)",
                    replication.name().toLowerCase(java.util.Locale.ROOT), clients, opsPerSecond, p50Millis, p99Millis,
                    ok, fail, info, seconds);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.zookeeper", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.curator", "warn");
        int nodes = Integer.getInteger("bench.nodes", 5);
        int groups = Integer.getInteger("bench.groups", 1);
        int clients = Integer.getInteger("bench.clients", 10);
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 2));
        ClusterSpec spec = ClusterSpec.builder().nodes(nodes).groups(groups).build();
        List<Result> results = new ArrayList<>();
        try (LocalCluster cluster = LocalCluster.create(spec)) {
            cluster.start();
            System.out.printf("cluster up: %d nodes in %d group(s), work dir %s%n", nodes, groups, cluster.workDir());
            for (Replication replication : Replication.values()) {
                run(cluster, replication, clients, warmup); // warm-up, discarded
                Result r = run(cluster, replication, clients, measure);
                System.out.println(r);
                results.add(r);
            }
        }
        System.out.println("--- writes, " + nodes + " nodes, " + groups + " group(s), " + clients + " clients, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        results.forEach(System.out::println);
        // ZooKeeper's embedded servers can leave a non-daemon thread behind, which would keep
        // `mvn exec:java` waiting: everything is closed, so end the JVM here.
        System.exit(0);
    }

    static Result run(LocalCluster cluster, Replication replication, int clients, Duration duration) throws Exception {
        List<ShardedClient> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(ShardedClient.connect(cluster.clientConfig().replication(replication).clientId("bench-" + i)
                        .socketTimeout(Duration.ofSeconds(2)).waitTimeout(Duration.ofSeconds(1)).build()));
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(clients);
            long[][] latencies = new long[clients][];
            long[][] counts = new long[clients][3];
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    long seq = 0;
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        Outcome<Void> o = opened.get(id).write("bench-" + id + "-" + (seq % 1000), Long.toString(seq));
                        long took = System.nanoTime() - start;
                        seq++;
                        counts[id][o.kind().ordinal()]++;
                        if (o.isOk()) {
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, lat.length * 2);
                            }
                            lat[n++] = took;
                        }
                    }
                    latencies[id] = Arrays.copyOf(lat, n);
                    done.countDown();
                }, "bench-" + i);
                threads.add(t);
            }
            long begin = System.nanoTime();
            threads.forEach(Thread::start);
            long deadline = begin + duration.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
            }
            stop.set(true);
            done.await();
            double seconds = (System.nanoTime() - begin) / 1e9;
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            long ok = Arrays.stream(counts).mapToLong(c -> c[0]).sum();
            long fail = Arrays.stream(counts).mapToLong(c -> c[1]).sum();
            long info = Arrays.stream(counts).mapToLong(c -> c[2]).sum();
            return new Result(replication, clients, seconds, ok, fail, info, ok / seconds,
                    percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
        } finally {
            opened.forEach(ShardedClient::close);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
