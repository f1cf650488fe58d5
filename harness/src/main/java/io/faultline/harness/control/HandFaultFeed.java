package io.faultline.harness.control;

import io.faultline.core.nemesis.FaultFeed;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The nemesis of {@code faultline load}: faults are made by hand ({@code faultline fault}) on the
 * daemon's cluster, so it carries out none itself, but as a {@link FaultFeed} it reports them to the
 * runner. First those in effect when the load starts (a partition, latency, paused and dead nodes),
 * then every fault the daemon logs during the load. Thread-safe.
 */
public final class HandFaultFeed implements Nemesis, FaultFeed {

    private final ControlClient control;
    private long seen;
    private List<Fault> inEffect = List.of();

    private HandFaultFeed(ControlClient control) {
        this.control = control;
    }

    /** A feed of the faults made by hand on the cluster that {@code control} talks to. */
    public static HandFaultFeed of(ControlClient control) {
        return new HandFaultFeed(control);
    }

    /**
     * Notes where the daemon's fault log stands, then the faults in effect (in that order: a fault
     * made in between shows twice rather than not at all).
     *
     * @throws ControlRefusal when the daemon does not answer
     */
    @Override
    public synchronized void setup() throws Exception {
        seen = control.faults(Long.MAX_VALUE).last();
        ClusterStatus status = control.status();
        List<Fault> faults = new ArrayList<>();
        String before = "made before the load started";
        if (status.partition() != null) {
            String cut = status.cutLinks().isEmpty() ? "no link cut" : "cut " + String.join(" ", status.cutLinks());
            faults.add(new Fault("start-partition", status.partition() + " (" + cut + "; " + before + ")"));
        }
        if (status.latency() != null) faults.add(new Fault("start-slow", status.latency() + " (" + before + ")"));
        for (String node : status.nodesIn("paused")) faults.add(new Fault("pause", node));
        for (String node : status.nodesIn("dead")) faults.add(new Fault("kill", node));
        inEffect = List.copyOf(faults);
    }

    @Override
    public synchronized List<Fault> poll() {
        List<Fault> faults = new ArrayList<>(inEffect);
        inEffect = List.of();
        for (FaultLog.Entry entry : control.faults(seen).faults()) {
            faults.add(new Fault(entry.f(), entry.value()));
            seen = Math.max(seen, entry.seq());
        }
        return faults;
    }

    /** Never called: this nemesis has no scheduled faults ({@link #fs()} is empty). */
    @Override
    public Op invoke(Op op) {
        throw new IllegalArgumentException("faults are made by hand here (faultline fault), not by the test: no " + op.f());
    }

    @Override
    public Set<String> fs() {
        return Set.of();
    }
}
