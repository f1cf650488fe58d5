package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.List;

/** Shorthands for the generator tests: simulated runs and views of their histories. */
final class Sim {

    static final LatencyModel TEN_MS = LatencyModel.fixed(Duration.ofMillis(10));

    private Sim() {
    }

    static List<Op> run(Generator gen, int concurrency) {
        return Simulation.run(gen, concurrency, 42, TEN_MS, 100_000);
    }

    static List<Op> invocations(List<Op> history) {
        return history.stream().filter(Op::isInvoke).toList();
    }

    static List<String> fs(List<Op> history) {
        return invocations(history).stream().map(Op::f).toList();
    }

    static List<Object> values(List<Op> history) {
        return invocations(history).stream().map(Op::value).toList();
    }

    static List<Long> times(List<Op> history) {
        return invocations(history).stream().map(Op::time).toList();
    }

    static long seconds(double s) {
        return Math.round(s * 1e9);
    }
}
