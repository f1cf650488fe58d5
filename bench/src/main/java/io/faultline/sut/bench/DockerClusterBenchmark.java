package io.faultline.sut.bench;

import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.docker.DockerCluster;
import io.faultline.sut.docker.DockerEngine;
import io.faultline.sut.docker.DockerLeftovers;
import io.faultline.sut.docker.DockerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures how long a docker-runtime cluster takes to start (until every group has a serving
 * master and every replica is in sync) and to tear down (until no container or network is left),
 * over several rounds, and prints each round and the median.
 *
 * <p>Run: {@code mvn -q -pl system-under-test compile exec:java -Dexec.mainClass=io.faultline.sut.bench.DockerClusterBenchmark}
 * (or {@code faultline bench docker}). Arguments: {@code [rounds (3)] [nodes (5)]}. The image comes from
 * {@link DockerOptions#fromEnvironment()}. Exits 254 with one line when Docker is missing.
 */
public final class DockerClusterBenchmark {
    private DockerClusterBenchmark() {
    }

    /** One round's figures. */
    record Round(int round, double startSeconds, double teardownSeconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "round %d: start %.2f s, teardown %.2f s", round, startSeconds, teardownSeconds);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.zookeeper", "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.curator", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.tc", "warn");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (rounds < 1 || nodes < 1) {
            throw new IllegalArgumentException("rounds and nodes must be >= 1, were " + rounds + " and " + nodes);
        }
        var missing = DockerEngine.unavailableReason();
        if (missing.isPresent()) {
            System.err.println("faultline bench docker: " + missing.get() + "; " + DockerEngine.REMEDY);
            System.exit(254);
        }
        List<Round> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            results.add(round(r, nodes));
            System.out.println(results.get(results.size() - 1));
        }
        System.out.printf(Locale.ROOT, "docker cluster of %d nodes (%s): median start %.2f s, median teardown %.2f s over %d rounds%n",
                nodes, DockerEngine.resolveImage(DockerOptions.fromEnvironment()),
                median(results.stream().mapToDouble(Round::startSeconds).toArray()),
                median(results.stream().mapToDouble(Round::teardownSeconds).toArray()), rounds);
        System.exit(0);
    }

    static Round round(int round, int nodes) throws Exception {
        Path work = Files.createTempDirectory("faultline-docker-bench-");
        ClusterSpec spec = ClusterSpec.builder().nodes(nodes).workDir(work).build();
        DockerCluster cluster = DockerCluster.create(spec, DockerOptions.fromEnvironment());
        long t0 = System.nanoTime();
        try {
            cluster.start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        long t1 = System.nanoTime();
        cluster.close();
        List<String> left = DockerLeftovers.remaining(DockerEngine.client(), cluster.runId());
        long t2 = System.nanoTime();
        if (!left.isEmpty()) {
            throw new IllegalStateException("teardown left " + left);
        }
        return new Round(round, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
