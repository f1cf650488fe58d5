package io.faultline.harness.plan;

import io.faultline.core.db.Db;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.system.Workload;
import io.faultline.workloads.Workloads;
import io.faultline.harness.runner.TestSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test against a cluster that is already running ({@code faultline load} against
 * {@code faultline cluster up}): the workload, generator and checker of {@link TestPlan}, with a
 * system under test the runner neither starts nor stops (the system's
 * {@link io.faultline.core.system.TestSystem#attach attached} Db) and no scheduled faults: they are
 * the user's, by hand, with {@code faultline fault}, and the given nemesis only reports them (a
 * {@link io.faultline.core.nemesis.FaultFeed}). Same store and report as {@code faultline test}.
 */
public final class RunningClusterPlan {

    private RunningClusterPlan() {
    }

    /**
     * The test of {@code o} (its faults are ignored) against the running cluster.
     *
     * @param attached   the running system, attached to (setup and close do nothing)
     * @param handFaults the nemesis that reports the faults made by hand; it gets no scheduled op
     */
    public static TestSpec spec(TestOptions o, Db attached, Nemesis handFaults) {
        TestOptions noFaults = o.withoutFaults();
        Workload workload = Workloads.withKeys(o.system().workload(o.workload(), o.systemOptions(), attached), o.keys());
        Map<String, Object> described = new LinkedHashMap<>(TestPlan.describe(noFaults));
        described.put("nemesis", "by hand (faultline fault)");
        described.put("cluster", "already running (faultline cluster up)");
        return new TestSpec(noFaults.effectiveName(), attached, workload.client(), handFaults,
                TestPlan.generator(noFaults, workload), workload.checker(), noFaults.effectiveConcurrency(attached.nodes().size()),
                noFaults.seed(), noFaults.timeLimit(), noFaults.store(), described);
    }
}
