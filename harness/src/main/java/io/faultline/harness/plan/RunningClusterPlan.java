package io.faultline.harness.plan;

import io.faultline.core.db.Db;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.harness.runner.TestSpec;
import io.faultline.sut.client.ClientConfig;
import io.faultline.workloads.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A test against a cluster that is already running ({@code faultline load} against
 * {@code faultline cluster up}): the workload, generator and checker of {@link TestPlan}, with a
 * system under test the runner neither starts nor stops and no scheduled faults: they are the user's,
 * by hand, with {@code faultline fault}, and the given nemesis only reports them (a
 * {@link io.faultline.core.nemesis.FaultFeed}). Same store and report as {@code faultline test}.
 */
public final class RunningClusterPlan {

    private RunningClusterPlan() {
    }

    /**
     * The test of {@code o} (its faults are ignored) against the running cluster.
     *
     * @param nodes        the cluster's nodes
     * @param clientConfig how the workload's clients connect (ZooKeeper, link routes, replication)
     * @param handFaults   the nemesis that reports the faults made by hand; it gets no scheduled op
     */
    public static TestSpec spec(TestOptions o, List<String> nodes, Supplier<ClientConfig> clientConfig, Nemesis handFaults) {
        TestOptions noFaults = new TestOptions(o.runtime(), o.workload(), List.of(), o.partition(), o.target(), o.timeLimit(),
                o.faultInterval(), o.recovery(), o.concurrency(), o.rate(), o.nodes(), o.groups(), o.zookeepers(),
                o.sessionTimeout(), o.replication(), o.onLeaseLoss(), o.reads(), o.seed(), o.store(), o.name(), o.redisBinary(),
                o.commandLine());
        Workload workload = TestPlan.workload(noFaults, clientConfig);
        Map<String, Object> described = new LinkedHashMap<>(TestPlan.describe(noFaults));
        described.put("nemesis", "by hand (faultline fault)");
        described.put("cluster", "already running (faultline cluster up)");
        return new TestSpec(noFaults.effectiveName(), new AlreadyUp(nodes), workload.client(), handFaults,
                TestPlan.generator(noFaults, workload), workload.checker(), noFaults.effectiveConcurrency(), noFaults.seed(),
                noFaults.timeLimit(), noFaults.store(), described);
    }

    /** A system under test that is already up: setup and close do nothing; its owner runs it. */
    record AlreadyUp(List<String> nodes) implements Db {
        AlreadyUp {
            nodes = List.copyOf(nodes);
        }

        @Override
        public void setup() {
        }

        @Override
        public void close() {
        }
    }
}
