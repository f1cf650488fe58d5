package io.faultline.harness.cli;

import io.faultline.core.db.Db;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.harness.control.ClusterState;
import io.faultline.harness.control.ControlClient;
import io.faultline.harness.control.HandFaultFeed;
import io.faultline.harness.plan.RunningClusterPlan;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.runner.TestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline load}: runs a workload against the cluster of {@code faultline cluster up} and
 * checks it as {@code faultline test} does (same store, same report, same exit codes 0/1/2), while
 * the user injects faults by hand with {@code faultline fault}. The clients run in this process,
 * joined to the running system through its {@link TestSystem#attach attachment} (for
 * {@code redis-zk}: they find masters through the cluster's ZooKeeper, directly) and reach the nodes
 * through the daemon's fault proxy (their links are routed by the daemon and stay outside
 * partitions). The system's options are the cluster's, changed by any given here (e.g.
 * {@code --reads fenced}). The faults made by hand, and those in effect when it starts, are in the
 * history as nemesis ops ({@link HandFaultFeed}), recorded within about 100 ms of being made, so the
 * report shades them.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Runs a workload against the running cluster and checks it like 'faultline test'.",
        footer = "%nThe system's own options (e.g. --reads plain|fenced for redis-zk) change the cluster's for the clients.")
final class LoadCommand implements Callable<Integer> {

    @Mixin ClusterCommand.StateOption state;
    @Option(names = "--workload", description = "one of the system's workloads, e.g. register, set or counter (default: its first, register)")
    String workload;
    @Option(names = "--time-limit", defaultValue = "30", description = "seconds of load (default ${DEFAULT-VALUE})")
    double timeLimit;
    @Option(names = "--concurrency", defaultValue = "0", description = "client threads (default 2 x nodes)")
    int concurrency;
    @Option(names = "--rate", defaultValue = "100", description = "client ops per second, in total (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--seed", description = "the generator's seed (default: random, printed in test.json)")
    Long seed;
    @Option(names = "--store", defaultValue = "store", description = "the store directory (default ${DEFAULT-VALUE})")
    Path store;
    @Option(names = "--name", description = "the test's name in the store (default load-<workload>-<the system's label>)")
    String name;
    /** The system's own options, over the cluster's. */
    @CommandLine.Unmatched
    List<String> systemArgs = new ArrayList<>();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return ClusterCommand.refusalsAsBadInput(() -> {
            ControlClient control = state.connect();
            ClusterState s = control.state();
            if (Double.isNaN(timeLimit) || timeLimit <= 0) {
                throw new BadInputException("--time-limit must be > 0 seconds, was " + timeLimit);
            }
            TestSystem system = SystemArgs.system(s.system());
            SystemOptions options = SystemArgs.parse(system, systemArgs, s.options());
            String w = workload != null ? workload : system.workloads().get(0);
            String label = system.label(options);
            TestOptions o = new TestOptionsBuilder().system(system).options(options.values()).runtime(s.runtime()).workload(w)
                    .nemesis().timeLimit(Duration.ofMillis(Math.round(timeLimit * 1000))).concurrency(concurrency).rate(rate)
                    .seed(seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE)
                    .store(store).name(name != null ? name : "load-" + w + (label.isEmpty() ? "" : "-" + label))
                    .commandLine(spec.commandLine().getParseResult().originalArgs())
                    .build();
            Db attached;
            try {
                attached = system.attach(options, s.attachment(), control.router());
            } catch (UnsupportedOperationException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            TestSpec test = RunningClusterPlan.spec(o, attached, HandFaultFeed.of(control));
            return InterruptibleRun.runAndReport("load", test, spec.commandLine().getOut(), System.err);
        });
    }
}
