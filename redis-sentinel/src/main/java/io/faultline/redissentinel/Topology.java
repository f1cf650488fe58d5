package io.faultline.redissentinel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What runs where in a Redis Sentinel test, and with which settings: Redis servers on the nodes
 * {@code n1..nN} ({@code n1} the primary at start, the others {@code replicaof n1}) and Sentinels on
 * the hosts {@code s1..sK}, each monitoring the primary as {@link #MASTER_NAME}. Pure: it only builds
 * command lines and the Sentinel configuration; addresses are given by the caller.
 *
 * @param nodes              Redis servers, at least 2
 * @param sentinels          Sentinels, at least 1
 * @param quorum             Sentinels that must agree the primary is down (at most {@code sentinels})
 * @param downAfter          {@code down-after-milliseconds}
 * @param failoverTimeout    {@code failover-timeout}
 * @param minReplicasToWrite {@code min-replicas-to-write} on every Redis (0: off)
 * @param minReplicasMaxLag  {@code min-replicas-max-lag}, whole seconds
 * @param binary             the {@code redis-server} to run
 */
record Topology(int nodes, int sentinels, int quorum, Duration downAfter, Duration failoverTimeout, int minReplicasToWrite,
                int minReplicasMaxLag, Path binary) {

    /** The name the Sentinels monitor the primary by. */
    static final String MASTER_NAME = "mymaster";
    /** Every Redis listens here, in its own namespace. */
    static final int REDIS_PORT = 6379;
    /** Every Sentinel listens here, in its own namespace. */
    static final int SENTINEL_PORT = 26379;

    Topology {
        Objects.requireNonNull(downAfter, "downAfter");
        Objects.requireNonNull(failoverTimeout, "failoverTimeout");
        Objects.requireNonNull(binary, "binary");
        if (nodes < 2) throw new IllegalArgumentException("--nodes must be >= 2, was " + nodes);
        if (sentinels < 1) throw new IllegalArgumentException("--sentinels must be >= 1, was " + sentinels);
        if (quorum < 1 || quorum > sentinels) {
            throw new IllegalArgumentException("--quorum must be in 1..--sentinels (" + sentinels + "), was " + quorum);
        }
    }

    /** {@code n1..nN}. */
    List<String> nodeNames() {
        return IntStream.rangeClosed(1, nodes).mapToObj(i -> "n" + i).toList();
    }

    /** {@code s1..sK}. */
    List<String> sentinelNames() {
        return IntStream.rangeClosed(1, sentinels).mapToObj(i -> "s" + i).toList();
    }

    /** The primary at start. */
    String firstPrimary() {
        return "n1";
    }

    /**
     * The command line of a Redis server: no persistence (a restarted server comes back empty, as
     * Jepsen's 2013 setup), logs on standard output, and {@code replicaof primaryAddress} unless
     * {@code primaryAddress} is null.
     */
    List<String> redisCommand(String address, String primaryAddress, Path dir) {
        List<String> c = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(REDIS_PORT),
                "--bind", address, "--protected-mode", "no", "--save", "", "--appendonly", "no",
                "--dir", dir.toString(), "--logfile", "", "--daemonize", "no",
                "--min-replicas-to-write", Integer.toString(minReplicasToWrite),
                "--min-replicas-max-lag", Integer.toString(minReplicasMaxLag)));
        if (primaryAddress != null) c.addAll(List.of("--replicaof", primaryAddress, Integer.toString(REDIS_PORT)));
        return c;
    }

    /** The command line of a Sentinel, reading (and rewriting) {@code config}. */
    List<String> sentinelCommand(Path config) {
        return List.of(binary.toString(), config.toString(), "--sentinel");
    }

    /** The Sentinel's configuration file: it monitors the primary at {@code primaryAddress}. */
    String sentinelConfig(String address, String primaryAddress, Path dir) {
        return String.join("\n",
                "port " + SENTINEL_PORT,
                "bind " + address,
                "protected-mode no",
                "daemonize no",
                "logfile \"\"",
                "dir " + dir,
                "sentinel monitor " + MASTER_NAME + " " + primaryAddress + " " + REDIS_PORT + " " + quorum,
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + downAfter.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " " + failoverTimeout.toMillis(),
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                "");
    }
}
