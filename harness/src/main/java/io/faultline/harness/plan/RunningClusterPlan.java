package io.faultline.harness.plan;

import io.faultline.core.db.Db;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import io.faultline.harness.runner.TestSpec;
import io.faultline.sut.client.ClientConfig;
import io.faultline.workloads.Workload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A test against a cluster that is already running ({@code faultline load} against
 * {@code faultline cluster up}): the workload, generator and checker of {@link TestPlan}, with a
 * system under test the runner neither starts nor stops and a nemesis that does nothing (faults are
 * the user's, by hand, with {@code faultline fault}). Same store and report as {@code faultline test}.
 */
public final class RunningClusterPlan {

    private RunningClusterPlan() {
    }

    /**
     * The test of {@code o} (its faults are ignored) against the running cluster.
     *
     * @param nodes        the cluster's nodes
     * @param clientConfig how the workload's clients connect (ZooKeeper, link routes, replication)
     */
    public static TestSpec spec(TestOptions o, List<String> nodes, Supplier<ClientConfig> clientConfig) {
        TestOptions noFaults = new TestOptions(o.runtime(), o.workload(), List.of(), o.partition(), o.target(), o.timeLimit(),
                o.faultInterval(), o.recovery(), o.concurrency(), o.rate(), o.nodes(), o.groups(), o.zookeepers(),
                o.sessionTimeout(), o.replication(), o.onLeaseLoss(), o.seed(), o.store(), o.name(), o.redisBinary(),
                o.commandLine());
        Workload workload = TestPlan.workload(noFaults, clientConfig);
        Map<String, Object> described = new LinkedHashMap<>(TestPlan.describe(noFaults));
        described.put("nemesis", "by hand (faultline fault)");
        described.put("cluster", "already running (faultline cluster up)");
        return new TestSpec(noFaults.effectiveName(), new AlreadyUp(nodes), workload.client(), new NoFaults(),
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

    /** The nemesis of a test whose faults come from elsewhere: handles no op. */
    static final class NoFaults implements Nemesis {
        @Override
        public Op invoke(Op op) {
            throw new IllegalArgumentException("faults are injected by hand here, not by the test: no " + op.f());
        }

        @Override
        public Set<String> fs() {
            return Set.of();
        }
    }
}
