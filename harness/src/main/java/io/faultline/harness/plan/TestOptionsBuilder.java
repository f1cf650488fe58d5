package io.faultline.harness.plan;

import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import io.faultline.core.system.TestSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.faultline.harness.schedule.FaultScheduleCodec;
import io.faultline.harness.schedule.ScheduledFault;

/**
 * Builds {@link TestOptions} with the command line's defaults: the system {@value #DEFAULT_SYSTEM} with
 * its own defaults, its first runtime and first workload, partitions of the primaries, 30 s, faults
 * every 10 s, 5 s of recovery, 100 ops/s, seed 1, store {@code store}. Not thread-safe.
 */
public final class TestOptionsBuilder {

    /** The system of {@code faultline test} without {@code --system}. */
    public static final String DEFAULT_SYSTEM = "redis-zk";

    private TestSystem system;
    private String systemName = DEFAULT_SYSTEM;
    private final Map<String, String> systemOptions = new LinkedHashMap<>();
    private String runtime;
    private String workload;
    private List<String> faults = List.of("partition");
    private String partition = "primaries";
    private String target = "primaries";
    private Duration timeLimit = Duration.ofSeconds(30);
    private Duration faultInterval = Duration.ofSeconds(10);
    private Duration recovery = Duration.ofSeconds(5);
    private int concurrency;
    private double rate = 100;
    private long seed = 1;
    private Path store = Path.of("store");
    private String name;
    private List<String> commandLine = List.of();
    private List<ScheduledFault> schedule;
    private Integer keys;

    /** The system under test by name, found with {@link Systems#load()}. */
    public TestOptionsBuilder system(String v) { systemName = v; system = null; return this; }
    /** The system under test itself (e.g. one not registered with {@code ServiceLoader}). */
    public TestOptionsBuilder system(TestSystem v) { system = v; systemName = v.name(); return this; }
    /** One of the system's options, by its name without dashes, e.g. {@code option("nodes", "3")}. */
    public TestOptionsBuilder option(String optionName, Object value) { systemOptions.put(optionName, String.valueOf(value)); return this; }
    /** The system's options, as {@link #option} each. */
    public TestOptionsBuilder options(Map<String, String> values) { systemOptions.putAll(values); return this; }
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
    /**
     * The workload's key count ({@code --keys}, >= 1): keys in use at once ({@code register}), sets
     * ({@code set}); without it, the workload's own.
     */
    public TestOptionsBuilder keys(int v) { keys = v; return this; }
    public TestOptionsBuilder seed(long v) { seed = v; return this; }
    public TestOptionsBuilder store(Path v) { store = v; return this; }
    public TestOptionsBuilder name(String v) { name = v; return this; }
    /** The arguments as given (e.g. {@code load --workload set}), for the report's rerun line. */
    public TestOptionsBuilder commandLine(List<String> v) { commandLine = List.copyOf(v); return this; }

    /** An explicit fault schedule that replaces the random one (and names the fault packages); null: random. */
    public TestOptionsBuilder faults(List<ScheduledFault> v) { schedule = v == null ? null : List.copyOf(v); return this; }
    /**
     * An explicit fault schedule as EDN or JSON text, as {@code --faults FILE} takes it (e.g. in a regression test
     * written by {@code faultline shrink}).
     */
    public TestOptionsBuilder faults(String ednOrJson) {
        String t = ednOrJson.strip();
        return faults(FaultScheduleCodec.parse(t, t.matches("(?s).*\"\\w+\"\\s*:.*"), "faults"));
    }

    /** @throws IllegalArgumentException naming an unknown system, or the option whose value is out of range */
    public TestOptions build() {
        if (keys != null && keys < 1) throw new IllegalArgumentException("--keys must be >= 1, was " + keys);
        TestSystem s = system != null ? system : Systems.load().get(systemName);
        SystemOptions options = SystemOptions.of(s, systemOptions);
        return new TestOptions(s, options, runtime != null ? runtime : s.runtimes().get(0),
                workload != null ? workload : s.workloads().get(0), faults, partition, target, timeLimit, faultInterval,
                recovery, concurrency, rate, seed, store, name, commandLine, schedule, keys == null ? 0 : keys);
    }
}
