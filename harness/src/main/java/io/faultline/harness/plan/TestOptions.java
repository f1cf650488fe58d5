package io.faultline.harness.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The options of one test, as {@code faultline test} takes them; validated on construction with
 * messages that name the option and the value.
 *
 * @param runtime        {@code local} (processes) or {@code docker} (containers)
 * @param workload       {@code register}, {@code set} or {@code counter}
 * @param faults         fault kinds: {@code partition}, {@code kill}, {@code pause}, {@code latency},
 *                       {@code flaky}, {@code zk}; empty for none
 * @param partition      the grudge of the partition fault: {@code primaries}, {@code one},
 *                       {@code halves}, {@code random-halves}, {@code majorities-ring}, {@code bridge}
 * @param target         whom kill and pause hit: {@code primaries}, {@code one}, {@code minority},
 *                       {@code majority}, {@code all}
 * @param timeLimit      length of the main phase
 * @param faultInterval  how long each fault lasts, and each pause between faults
 * @param recovery       wait after healing before the final reads
 * @param concurrency    client threads; 0 means 2 × nodes
 * @param rate           client ops per second, all threads together
 * @param nodes          Redis nodes
 * @param groups         replica groups
 * @param zookeepers     ZooKeeper servers
 * @param sessionTimeout the lease (ZooKeeper session) timeout
 * @param replication    {@code async} or {@code sync}
 * @param onLeaseLoss    {@code keep} or {@code demote}
 * @param reads          {@code plain}, or {@code fenced} (a read is OK only after every replica
 *                       acknowledged a write made after it)
 * @param seed           the generators' seed
 * @param store          the store root
 * @param name           the test's name, or null for {@code <workload>-<faults>}
 * @param redisBinary    an explicit redis-server, or null
 * @param commandLine    the arguments as given, for the report's rerun line; may be empty
 */
public record TestOptions(String runtime, String workload, List<String> faults, String partition, String target,
                          Duration timeLimit, Duration faultInterval, Duration recovery, int concurrency, double rate,
                          int nodes, int groups, int zookeepers, Duration sessionTimeout, String replication,
                          String onLeaseLoss, String reads, long seed, Path store, String name, Path redisBinary,
                          List<String> commandLine) {

    public static final List<String> WORKLOADS = List.of("register", "set", "counter");
    public static final List<String> FAULTS = List.of("partition", "kill", "pause", "latency", "flaky", "zk");
    public static final List<String> RUNTIMES = List.of("local", "docker");

    public TestOptions {
        requireOneOf("--runtime", runtime, RUNTIMES);
        requireOneOf("--workload", workload, WORKLOADS);
        faults = List.copyOf(faults);
        for (String f : faults) requireOneOf("--nemesis", f, FAULTS);
        requirePositive("--time-limit", timeLimit);
        requirePositive("--fault-interval", faultInterval);
        Objects.requireNonNull(recovery, "recovery");
        if (recovery.isNegative()) throw new IllegalArgumentException("--recovery must be >= 0, was " + recovery);
        if (concurrency < 0) throw new IllegalArgumentException("--concurrency must be >= 1, was " + concurrency);
        if (!(rate > 0)) throw new IllegalArgumentException("--rate must be > 0 ops/s, was " + rate);
        if (nodes < 2) throw new IllegalArgumentException("--nodes must be >= 2, was " + nodes);
        if (groups < 1 || groups > nodes) throw new IllegalArgumentException("--groups must be in 1..--nodes, was " + groups);
        if (zookeepers < 1) throw new IllegalArgumentException("--zookeepers must be >= 1, was " + zookeepers);
        requirePositive("--session-timeout", sessionTimeout);
        requireOneOf("--replication", replication, List.of("async", "sync"));
        requireOneOf("--on-lease-loss", onLeaseLoss, List.of("keep", "demote"));
        requireOneOf("--reads", reads, List.of("plain", "fenced"));
        requireOneOf("--partition", partition, List.of("primaries", "one", "halves", "random-halves",
                "majorities-ring", "bridge"));
        requireOneOf("--target", target, List.of("primaries", "one", "minority", "majority", "all"));
        Objects.requireNonNull(store, "store");
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Client threads: the given number, or 2 × nodes. */
    public int effectiveConcurrency() {
        return concurrency == 0 ? 2 * nodes : concurrency;
    }

    /** The test's name in the store. */
    public String effectiveName() {
        if (name != null) return name;
        return workload + "-" + (faults.isEmpty() ? "none" : String.join("+", faults)) + "-" + replication + "-" + onLeaseLoss
                + (reads.equals("plain") ? "" : "-" + reads + "-reads");
    }

    private static void requireOneOf(String option, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + ", was '" + value + "'");
        }
    }

    private static void requirePositive(String option, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be > 0, was " + d);
        }
    }
}
