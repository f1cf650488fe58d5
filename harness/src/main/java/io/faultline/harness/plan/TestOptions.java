package io.faultline.harness.plan;

import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import io.faultline.harness.schedule.ScheduleFormatException;
import io.faultline.harness.schedule.ScheduledFault;

/**
 * The options of one test, as {@code faultline test} takes them: the harness's own and the system
 * under test's ({@link SystemOptions}); validated on construction with messages that name the option
 * and the value.
 *
 * @param system        the system under test
 * @param systemOptions its options
 * @param runtime       one of the system's runtimes, e.g. {@code local} or {@code docker}
 * @param workload      one of the system's workloads, e.g. {@code register}
 * @param faults        fault kinds ({@link #FAULTS}); empty for none
 * @param partition     the grudge of the partition fault: {@code primaries}, {@code one},
 *                      {@code halves}, {@code random-halves}, {@code majorities-ring}, {@code bridge}
 * @param target        whom kill and pause hit: {@code primaries}, {@code one}, {@code minority},
 *                      {@code majority}, {@code all}
 * @param timeLimit     length of the main phase
 * @param faultInterval how long each fault lasts, and each pause between faults
 * @param recovery      wait after healing before the final reads
 * @param concurrency   client threads; 0 means 2 × the system's nodes
 * @param rate          client ops per second, all threads together
 * @param seed          the generators' seed
 * @param store         the store root
 * @param name          the test's name, or null for {@code <workload>-<faults>[-<system label>]}
 * @param commandLine   the arguments as given, for the report's rerun line; may be empty
 * @param schedule      an explicit fault schedule ({@code --faults FILE}) that replaces the random one; null
 *                      for the random schedule of {@code faults} every {@code faultInterval}. When given,
 *                      {@code faults} becomes the distinct packages it names (an unknown one is refused)
 * @param keys          {@code --keys}: the workload's key count ({@code register}: keys in use at once;
 *                      {@code set}: sets the elements are spread over, where the system's client spreads them;
 *                      {@code counter}: ignored, it has one key); 0 for the workload's own count
 *                      ({@code Workloads.withKeys})
 */
public record TestOptions(TestSystem system, SystemOptions systemOptions, String runtime, String workload,
                          List<String> faults, String partition, String target, Duration timeLimit,
                          Duration faultInterval, Duration recovery, int concurrency, double rate, long seed, Path store,
                          String name, List<String> commandLine, List<ScheduledFault> schedule, int keys) {

    public static final List<String> FAULTS = FaultPackages.NAMES;

    /** The options with the workload's own key count (no {@code --keys}). */
    public TestOptions(TestSystem system, SystemOptions systemOptions, String runtime, String workload,
                       List<String> faults, String partition, String target, Duration timeLimit,
                       Duration faultInterval, Duration recovery, int concurrency, double rate, long seed, Path store,
                       String name, List<String> commandLine, List<ScheduledFault> schedule) {
        this(system, systemOptions, runtime, workload, faults, partition, target, timeLimit, faultInterval, recovery,
                concurrency, rate, seed, store, name, commandLine, schedule, 0);
    }

    public TestOptions {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(systemOptions, "systemOptions");
        if (!systemOptions.system().equals(system.name())) {
            throw new IllegalArgumentException("the options are " + systemOptions.system() + "'s, not " + system.name() + "'s");
        }
        requireOneOf("--runtime", runtime, system.runtimes());
        requireOneOf("--workload", workload, system.workloads());
        if (schedule != null) {
            schedule = List.copyOf(schedule);
            int n = 0;
            for (ScheduledFault f : schedule) {
                n++;
                if (!FAULTS.contains(f.fault())) {
                    throw new ScheduleFormatException("entry " + n + ": unknown fault '" + f.fault() + "' (known: "
                            + String.join(", ", FAULTS) + ")");
                }
            }
            faults = schedule.stream().map(ScheduledFault::fault).distinct().toList();
        }
        faults = List.copyOf(faults);
        for (String f : faults) requireOneOf("--nemesis", f, FAULTS);
        requirePositive("--time-limit", timeLimit);
        requirePositive("--fault-interval", faultInterval);
        Objects.requireNonNull(recovery, "recovery");
        if (recovery.isNegative()) throw new IllegalArgumentException("--recovery must be >= 0, was " + recovery);
        if (concurrency < 0) throw new IllegalArgumentException("--concurrency must be >= 1, was " + concurrency);
        if (!(rate > 0)) throw new IllegalArgumentException("--rate must be > 0 ops/s, was " + rate);
        if (keys < 0) throw new IllegalArgumentException("--keys must be >= 1, was " + keys);
        requireOneOf("--partition", partition, List.of("primaries", "one", "halves", "random-halves",
                "majorities-ring", "bridge"));
        requireOneOf("--target", target, List.of("primaries", "one", "minority", "majority", "all"));
        Objects.requireNonNull(store, "store");
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
    }

    /** Client threads: the given number, or 2 × the system's nodes. */
    public int effectiveConcurrency(int nodes) {
        return concurrency == 0 ? 2 * nodes : concurrency;
    }

    /** The test's name in the store: the given one, or {@code <workload>-<faults>[-<system label>]}. */
    public String effectiveName() {
        if (name != null) return name;
        String label = system.label(systemOptions);
        return workload + "-" + (faults.isEmpty() ? "none" : String.join("+", faults)) + (label.isEmpty() ? "" : "-" + label);
    }

    /** These options without faults. */
    public TestOptions withoutFaults() {
        return new TestOptions(system, systemOptions, runtime, workload, List.of(), partition, target, timeLimit, faultInterval,
                recovery, concurrency, rate, seed, store, name, commandLine, null, keys);
    }

    /** These options with an explicit fault schedule (null: the random one). */
    public TestOptions withSchedule(List<ScheduledFault> explicit) {
        return new TestOptions(system, systemOptions, runtime, workload, explicit == null ? faults : List.of(), partition, target,
                timeLimit, faultInterval, recovery, concurrency, rate, seed, store, name, commandLine, explicit, keys);
    }

    /** These options with other load and length: time limit, client threads (0: 2 x nodes), rate. */
    public TestOptions withLoad(Duration newTimeLimit, int newConcurrency, double newRate) {
        return new TestOptions(system, systemOptions, runtime, workload, faults, partition, target, newTimeLimit, faultInterval,
                recovery, newConcurrency, newRate, seed, store, name, commandLine, schedule, keys);
    }

    /** These options with another store, name and command line (what a replay of them records). */
    public TestOptions storedAs(Path newStore, String newName, List<String> newCommandLine) {
        return new TestOptions(system, systemOptions, runtime, workload, faults, partition, target, timeLimit, faultInterval,
                recovery, concurrency, rate, seed, newStore, newName, newCommandLine, schedule, keys);
    }

    /** These options with another key count ({@code --keys}; 0: the workload's own). */
    public TestOptions withKeys(int newKeys) {
        return new TestOptions(system, systemOptions, runtime, workload, faults, partition, target, timeLimit, faultInterval,
                recovery, concurrency, rate, seed, store, name, commandLine, schedule, newKeys);
    }

    /** These options with another seed. */
    public TestOptions withSeed(long newSeed) {
        return new TestOptions(system, systemOptions, runtime, workload, faults, partition, target, timeLimit, faultInterval,
                recovery, concurrency, rate, newSeed, store, name, commandLine, schedule, keys);
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
