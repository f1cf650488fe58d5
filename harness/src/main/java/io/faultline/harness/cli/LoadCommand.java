package io.faultline.harness.cli;

import io.faultline.harness.control.ClusterState;
import io.faultline.harness.control.ControlClient;
import io.faultline.harness.control.HandFaultFeed;
import io.faultline.harness.plan.RunningClusterPlan;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.runner.TestSpec;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ReadMode;
import io.faultline.sut.client.Replication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline load}: runs a workload against the cluster of {@code faultline cluster up} and
 * checks it as {@code faultline test} does (same store, same report, same exit codes 0/1/2), while
 * the user injects faults by hand with {@code faultline fault}. The clients run in this process:
 * they find masters through the cluster's ZooKeeper (directly) and reach the nodes through the
 * daemon's fault proxy (their links are routed by the daemon and stay outside partitions). The
 * faults made by hand, and those in effect when it starts, are in the history as nemesis ops
 * ({@link HandFaultFeed}), recorded within about 100 ms of being made, so the report shades them.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Runs a workload against the running cluster and checks it like 'faultline test'.")
final class LoadCommand implements Callable<Integer> {

    @Mixin ClusterCommand.StateOption state;
    @Option(names = "--workload", defaultValue = "register", description = "register, set or counter (default ${DEFAULT-VALUE})")
    String workload;
    @Option(names = "--time-limit", defaultValue = "30", description = "seconds of load (default ${DEFAULT-VALUE})")
    double timeLimit;
    @Option(names = "--concurrency", defaultValue = "0", description = "client threads (default 2 x nodes)")
    int concurrency;
    @Option(names = "--rate", defaultValue = "100", description = "client ops per second, in total (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--reads", defaultValue = "plain", description = "plain, or fenced (a read is OK only once every replica acknowledged a write made after it) (default ${DEFAULT-VALUE})")
    String reads;
    @Option(names = "--seed", description = "the generator's seed (default: random, printed in test.json)")
    Long seed;
    @Option(names = "--store", defaultValue = "store", description = "the store directory (default ${DEFAULT-VALUE})")
    Path store;
    @Option(names = "--name", description = "the test's name in the store (default load-<workload>-<replication>-<on-lease-loss>)")
    String name;
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
            TestOptions o = new TestOptionsBuilder().runtime(s.runtime()).workload(workload).nemesis()
                    .timeLimit(Duration.ofMillis(Math.round(timeLimit * 1000))).concurrency(concurrency).rate(rate)
                    .nodes(s.nodes().size()).replication(s.replication()).onLeaseLoss(s.onLeaseLoss()).reads(reads)
                    .seed(seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE)
                    .store(store).name(name != null ? name : "load-" + workload + "-" + s.replication() + "-" + s.onLeaseLoss()
                            + (reads.equals("plain") ? "" : "-" + reads + "-reads"))
                    .commandLine(spec.commandLine().getParseResult().originalArgs())
                    .build();
            ClientConfig.Builder client = ClientConfig.builder(s.zookeeperConnect()).clientId("client")
                    .router(control.router()).replication(Replication.parse(s.replication())).reads(ReadMode.parse(reads)).virtualNodes(s.virtualNodes());
            TestSpec test = RunningClusterPlan.spec(o, s.nodes(), client::build, HandFaultFeed.of(control));
            return InterruptibleRun.runAndReport("load", test, spec.commandLine().getOut(), System.err);
        });
    }
}
