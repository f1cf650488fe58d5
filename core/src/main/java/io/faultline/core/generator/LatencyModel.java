package io.faultline.core.generator;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the simulated system completes an invocation in a {@link Simulation}: after how long, and
 * with which type. Must be pure given the random source it is handed.
 */
@FunctionalInterface
public interface LatencyModel {

    /**
     * One simulated completion.
     *
     * @param latencyNanos how long after the invocation it completes, {@code >= 0}
     * @param type         {@code ok}, {@code fail} or {@code info}
     */
    record Outcome(long latencyNanos, OpType type) {
        public Outcome {
            if (latencyNanos < 0) {
                throw new IllegalArgumentException("latency must be >= 0 ns, was " + latencyNanos);
            }
            Objects.requireNonNull(type, "type");
            if (!type.isCompletion()) {
                throw new IllegalArgumentException("outcome type must be ok, fail or info, was " + type);
            }
        }
    }

    /**
     * How {@code invocation} completes.
     *
     * @param random the simulation's random source for this op (seeded; use it, nothing else)
     */
    Outcome complete(Op invocation, SplittableRandom random);

    /** Every op completes {@code ok} after exactly {@code latency}. */
    static LatencyModel fixed(Duration latency) {
        long n = nonNegativeNanos(latency);
        return (op, random) -> new Outcome(n, OpType.OK);
    }

    /** Every op completes {@code ok} after a latency uniform in {@code [min, max]}. */
    static LatencyModel uniform(Duration min, Duration max) {
        long lo = nonNegativeNanos(min);
        long hi = nonNegativeNanos(max);
        if (hi < lo) {
            throw new IllegalArgumentException("max latency must be >= min " + min + ", was " + max);
        }
        return (op, random) -> new Outcome(lo + (hi == lo ? 0 : random.nextLong(hi - lo + 1)), OpType.OK);
    }

    /**
     * This model, except that a client op completes {@code info} with probability {@code p}
     * (nemesis ops are unaffected: the simulation always completes them {@code info}).
     */
    default LatencyModel withInfo(double p) {
        return withType(OpType.INFO, p);
    }

    /** This model, except that a client op completes {@code fail} with probability {@code p}. */
    default LatencyModel withFail(double p) {
        return withType(OpType.FAIL, p);
    }

    private LatencyModel withType(OpType type, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(type.keywordName() + " probability must be in [0, 1], was " + p);
        }
        LatencyModel base = this;
        return (op, random) -> {
            Outcome o = base.complete(op, random);
            return random.nextDouble() < p ? new Outcome(o.latencyNanos(), type) : o;
        };
    }

    private static long nonNegativeNanos(Duration d) {
        Objects.requireNonNull(d, "latency");
        if (d.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, was " + d);
        }
        return d.toNanos();
    }
}
