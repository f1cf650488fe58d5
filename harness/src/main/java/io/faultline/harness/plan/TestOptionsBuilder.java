package io.faultline.harness.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds {@link TestOptions} with the command line's defaults: local runtime, register workload,
 * partitions of the primaries, 30 s, faults every 10 s, 100 ops/s, 5 nodes in 1 group, 3 ZooKeeper
 * servers, 3 s leases, the safe settings (sync replication, demote on lease loss), seed 1,
 * store {@code store}. Not thread-safe.
 */
public final class TestOptionsBuilder {

    private String runtime = "local";
    private String workload = "register";
    private List<String> faults = List.of("partition");
    private String partition = "primaries";
    private String target = "primaries";
    private Duration timeLimit = Duration.ofSeconds(30);
    private Duration faultInterval = Duration.ofSeconds(10);
    private Duration recovery = Duration.ofSeconds(5);
    private int concurrency;
    private double rate = 100;
    private int nodes = 5;
    private int groups = 1;
    private int zookeepers = 3;
    private Duration sessionTimeout = Duration.ofSeconds(3);
    private String replication = "sync";
    private String onLeaseLoss = "demote";
    private String reads = "plain";
    private long seed = 1;
    private Path store = Path.of("store");
    private String name;
    private Path redisBinary;
    private List<String> commandLine = List.of();

    public TestOptionsBuilder runtime(String v) { runtime = v; return this; }
    public TestOptionsBuilder workload(String v) { workload = v; return this; }
    /** Fault kinds; none for a run without faults. */
    public TestOptionsBuilder nemesis(String... v) { faults = List.of(v); return this; }
    public TestOptionsBuilder partition(String v) { partition = v; return this; }
    public TestOptionsBuilder target(String v) { target = v; return this; }
    public TestOptionsBuilder timeLimit(Duration v) { timeLimit = v; return this; }
    public TestOptionsBuilder faultInterval(Duration v) { faultInterval = v; return this; }
    public TestOptionsBuilder recovery(Duration v) { recovery = v; return this; }
    public TestOptionsBuilder concurrency(int v) { concurrency = v; return this; }
    public TestOptionsBuilder rate(double v) { rate = v; return this; }
    public TestOptionsBuilder nodes(int v) { nodes = v; return this; }
    public TestOptionsBuilder groups(int v) { groups = v; return this; }
    public TestOptionsBuilder zookeepers(int v) { zookeepers = v; return this; }
    public TestOptionsBuilder sessionTimeout(Duration v) { sessionTimeout = v; return this; }
    public TestOptionsBuilder replication(String v) { replication = v; return this; }
    public TestOptionsBuilder onLeaseLoss(String v) { onLeaseLoss = v; return this; }
    public TestOptionsBuilder reads(String v) { reads = v; return this; }
    public TestOptionsBuilder seed(long v) { seed = v; return this; }
    public TestOptionsBuilder store(Path v) { store = v; return this; }
    public TestOptionsBuilder name(String v) { name = v; return this; }
    public TestOptionsBuilder redisBinary(Path v) { redisBinary = v; return this; }
    /** The arguments as given (e.g. {@code load --workload set}), for the report's rerun line. */
    public TestOptionsBuilder commandLine(List<String> v) { commandLine = List.copyOf(v); return this; }

    /** @throws IllegalArgumentException naming the option whose value is out of range */
    public TestOptions build() {
        return new TestOptions(runtime, workload, faults, partition, target, timeLimit, faultInterval, recovery,
                concurrency, rate, nodes, groups, zookeepers, sessionTimeout, replication, onLeaseLoss, reads, seed, store, name,
                redisBinary, commandLine);
    }
}
