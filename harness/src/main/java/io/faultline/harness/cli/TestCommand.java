package io.faultline.harness.cli;

import io.faultline.harness.plan.PlannedTest;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestPlan;
import io.faultline.harness.runner.RunFailedException;
import io.faultline.sut.cluster.ClusterStartException;
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
        description = "Runs one test: a workload against the Redis+ZooKeeper cluster while a nemesis injects faults.")
final class TestCommand implements Callable<Integer> {

    @Mixin
    TestOptionsMixin options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TestOptions o = options.toOptions(List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)));
        PrintWriter out = spec.commandLine().getOut();
        return run(o, out, System.err);
    }

    /** Runs one test and prints its verdict; shared with {@code test-all}. */
    static int run(TestOptions o, PrintWriter out, PrintStream log) {
        try (PlannedTest planned = TestPlan.plan(o)) {
            return InterruptibleRun.runAndReport("test", planned.spec(), out, log);
        } catch (RunFailedException e) {
            if (e.getCause() instanceof ClusterStartException cse) {
                throw new BadInputException(cse.getMessage(), cse);
            }
            throw e;
        }
    }

    /** The options of {@code faultline test}, shared by the commands that run tests. */
    static final class TestOptionsMixin {
        @CommandLine.Option(names = "--runtime", defaultValue = "local", description = "local or docker (default ${DEFAULT-VALUE})")
        String runtime;
        @CommandLine.Option(names = "--workload", defaultValue = "register", description = "register, set or counter (default ${DEFAULT-VALUE})")
        String workload;
        @CommandLine.Option(names = "--nemesis", defaultValue = "partition", split = ",",
                description = "comma list of partition, kill, pause, latency, flaky, zk, or none (default ${DEFAULT-VALUE})")
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
        @CommandLine.Option(names = "--nodes", defaultValue = "5", description = "Redis nodes (default ${DEFAULT-VALUE})")
        int nodes;
        @CommandLine.Option(names = "--groups", defaultValue = "1", description = "replica groups (default ${DEFAULT-VALUE})")
        int groups;
        @CommandLine.Option(names = "--zookeepers", defaultValue = "3", description = "ZooKeeper servers (default ${DEFAULT-VALUE})")
        int zookeepers;
        @CommandLine.Option(names = "--session-timeout", defaultValue = "3000", description = "lease (ZooKeeper session) timeout in ms (default ${DEFAULT-VALUE})")
        long sessionTimeoutMs;
        @CommandLine.Option(names = "--replication", defaultValue = "sync", description = "async, or sync (WAIT for every replica) (default ${DEFAULT-VALUE})")
        String replication;
        @CommandLine.Option(names = "--on-lease-loss", defaultValue = "demote", description = "keep, or demote (stop serving at once) (default ${DEFAULT-VALUE})")
        String onLeaseLoss;
        @CommandLine.Option(names = "--reads", defaultValue = "plain", description = "plain, or fenced (a read is OK only once every replica acknowledged a write made after it) (default ${DEFAULT-VALUE})")
        String reads;
        @CommandLine.Option(names = "--seed", description = "the generators' seed (default: random, printed in test.json)")
        Long seed;
        @CommandLine.Option(names = "--store", defaultValue = "store", description = "the store directory (default ${DEFAULT-VALUE})")
        Path store;
        @CommandLine.Option(names = "--name", description = "the test's name in the store (default <workload>-<nemesis>-<replication>-<on-lease-loss>)")
        String name;
        @CommandLine.Option(names = "--redis-binary", description = "the redis-server to run (default: PATH, else the embedded one)")
        Path redisBinary;

        TestOptions toOptions(List<String> commandLine) {
            List<String> faults = nemesis.size() == 1 && nemesis.get(0).equals("none") ? List.of() : nemesis;
            return new TestOptions(runtime, workload, faults, partition, target, seconds("--time-limit", timeLimit),
                    seconds("--fault-interval", faultInterval), seconds("--recovery", recovery), concurrency, rate,
                    nodes, groups, zookeepers, Duration.ofMillis(sessionTimeoutMs), replication, onLeaseLoss, reads,
                    seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, store, name,
                    redisBinary, commandLine);
        }

        private static Duration seconds(String option, double s) {
            if (Double.isNaN(s) || s < 0) throw new IllegalArgumentException(option + " must be >= 0 seconds, was " + s);
            return Duration.ofMillis(Math.round(s * 1000));
        }
    }

}
