package io.faultline.harness.cli;

import io.faultline.harness.plan.PlannedTest;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestPlan;
import io.faultline.harness.runner.RunFailedException;
import io.faultline.core.db.DbStartException;
import io.faultline.core.system.TestSystem;
import java.util.ArrayList;
import io.faultline.harness.schedule.FaultScheduleCodec;
import io.faultline.harness.schedule.ScheduleFormatException;
import io.faultline.harness.schedule.ScheduledFault;
import java.util.Map;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code faultline test}: one test against the system under test. Prints the run directory and the
 * verdict; exits 0 valid, 1 invalid, 2 unknown, 254 bad options (or a system that cannot start for
 * a reason the user can fix), 255 a failure of the harness. Ctrl-C stops the test early; what was
 * recorded is still checked and stored, and nothing is left running.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs one test: a workload against a system under test (by default redis-zk, the bundled "
                + "Redis+ZooKeeper cluster) while a nemesis injects faults.",
        footer = "%nThe system's own options (for redis-zk: --nodes, --groups, --zookeepers, --session-timeout, --replication, "
                + "--on-lease-loss, --reads, --redis-binary) follow the same way; 'faultline systems' lists every system's.")
final class TestCommand implements Callable<Integer> {

    @Mixin
    TestOptionsMixin options;

    /** The system's own options. */
    @CommandLine.Unmatched
    List<String> systemArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TestOptions o = options.toOptions(systemArgs, Map.of(),
                List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)));
        PrintWriter out = spec.commandLine().getOut();
        try {
            return run(o, out, System.err);
        } catch (ScheduleFormatException e) {
            throw new BadInputException("--faults " + options.faults + ": " + e.getMessage()
                    + "; fix the entry (see docs/shrink.md)", e);
        }
    }

    /** Runs one test and prints its verdict; shared with {@code test-all}. */
    static int run(TestOptions o, PrintWriter out, PrintStream log) {
        try (PlannedTest planned = TestPlan.plan(o)) {
            return InterruptibleRun.runAndReport("test", planned.spec(), out, log);
        } catch (RunFailedException e) {
            if (e.getCause() instanceof DbStartException cse) {
                throw new BadInputException(cse.getMessage(), cse);
            }
            throw e;
        }
    }

    /** The options of {@code faultline test}, shared by the commands that run tests. */
    static final class TestOptionsMixin {
        @CommandLine.Option(names = "--system", defaultValue = io.faultline.harness.plan.TestOptionsBuilder.DEFAULT_SYSTEM,
                description = "the system under test (default ${DEFAULT-VALUE}); 'faultline systems' lists them")
        String system;
        @CommandLine.Option(names = "--runtime", description = "one of the system's runtimes, e.g. local or docker (default: its first, local)")
        String runtime;
        @CommandLine.Option(names = "--workload", description = "one of the system's workloads, e.g. register, set or counter (default: its first, register)")
        String workload;
        @CommandLine.Option(names = "--nemesis", defaultValue = "partition", split = ",",
                description = "comma list of partition, kill, pause, latency, flaky, bandwidth, zk, or none (default ${DEFAULT-VALUE})")
        List<String> nemesis;
        @CommandLine.Option(names = "--partition", defaultValue = "primaries",
                description = "the partition: primaries, one, halves, random-halves, majorities-ring, bridge (default ${DEFAULT-VALUE})")
        String partition;
        @CommandLine.Option(names = "--target", defaultValue = "primaries",
                description = "whom kill and pause hit: primaries, one, minority, majority, all (default ${DEFAULT-VALUE})")
        String target;
        @CommandLine.Option(names = "--time-limit", defaultValue = "30", description = "seconds of faults and load (default ${DEFAULT-VALUE})")
        double timeLimit;
        @CommandLine.Option(names = "--fault-interval", defaultValue = "10", description = "seconds each fault lasts and between faults (default ${DEFAULT-VALUE})")
        double faultInterval;
        @CommandLine.Option(names = "--recovery", defaultValue = "5", description = "seconds to wait after healing, before final reads (default ${DEFAULT-VALUE})")
        double recovery;
        @CommandLine.Option(names = "--concurrency", defaultValue = "0", description = "client threads (default 2 x nodes)")
        int concurrency;
        @CommandLine.Option(names = "--rate", defaultValue = "100", description = "client ops per second, in total (default ${DEFAULT-VALUE})")
        double rate;
        @CommandLine.Option(names = "--keys", paramLabel = "N", description = "the workload's key count: register keys in use at once "
                + "(default 3), set: sets the elements are spread over where the system's client spreads them (redis-zk, default 8); "
                + "counter has one key and ignores it (default: the workload's own)")
        Integer keys;
        @CommandLine.Option(names = "--seed", description = "the generators' seed (default: random, printed in test.json)")
        Long seed;
        @CommandLine.Option(names = "--store", defaultValue = "store", description = "the store directory (default ${DEFAULT-VALUE})")
        Path store;
        @CommandLine.Option(names = "--faults", paramLabel = "FILE",
                description = "an explicit fault schedule (EDN or JSON list of {at, fault, args, duration}; ms or \"5s\") "
                        + "that replaces the random one, e.g. a run's faults.edn")
        Path faults;
        @CommandLine.Option(names = "--name", description = "the test's name in the store (default <workload>-<nemesis>-<the system's label>, "
                + "for redis-zk <replication>-<on-lease-loss>)")
        String name;

        /**
         * The options, with the system's own from {@code systemArgs} over {@code systemBase}.
         *
         * @throws IllegalArgumentException one line: an unknown system, an option it lacks, a bad value
         */
        TestOptions toOptions(List<String> systemArgs, Map<String, String> systemBase, List<String> commandLine) {
            TestSystem s = SystemArgs.system(system);
            List<ScheduledFault> schedule = null;
            if (faults != null) {
                try {
                    schedule = FaultScheduleCodec.read(faults);
                } catch (ScheduleFormatException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
            }
            if (keys != null && keys < 1) throw new IllegalArgumentException("--keys must be >= 1, was " + keys);
            List<String> faults = nemesis.size() == 1 && nemesis.get(0).equals("none") ? List.of() : nemesis;
            return new TestOptions(s, SystemArgs.parse(s, systemArgs, systemBase), runtime != null ? runtime : s.runtimes().get(0),
                    workload != null ? workload : s.workloads().get(0), faults, partition, target,
                    seconds("--time-limit", timeLimit), seconds("--fault-interval", faultInterval), seconds("--recovery", recovery),
                    concurrency, rate, seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, store, name,
                    commandLine, scheduleOrBad(schedule), keys == null ? 0 : keys);
        }

        private List<ScheduledFault> scheduleOrBad(List<ScheduledFault> schedule) {
            if (schedule == null) return null;
            for (int i = 0; i < schedule.size(); i++) {
                if (!TestOptions.FAULTS.contains(schedule.get(i).fault())) {
                    throw new BadInputException("--faults " + faults + ": entry " + (i + 1) + ": unknown fault '"
                            + schedule.get(i).fault() + "' (known: " + String.join(", ", TestOptions.FAULTS) + ")");
                }
            }
            return schedule;
        }

        private static Duration seconds(String option, double s) {
            if (Double.isNaN(s) || s < 0) throw new IllegalArgumentException(option + " must be >= 0 seconds, was " + s);
            return Duration.ofMillis(Math.round(s * 1000));
        }
    }
}
