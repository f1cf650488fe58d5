package io.faultline.workloads.register;

import io.faultline.checkers.Analysis;
import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.stats.StatsChecker;
import io.faultline.core.checker.Checker;
import io.faultline.core.generator.Context;
import io.faultline.core.generator.GenResult;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.core.op.Op;
import io.faultline.core.system.Workload;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code register} workload: independent keys, each a compare-and-set register holding a small
 * integer, read, written and cas'ed concurrently, and checked key by key for linearizability against
 * a cas-register whose initial value is nil (a key never written). A read of nil after an
 * acknowledged write is therefore an anomaly: the data loss Faultline exists to catch.
 *
 * <p>Ops: {@code :read [k nil]} → {@code [k v]}, {@code :write [k v]}, {@code :cas [k [old new]]}.
 * Keys move on every {@code opsPerKey} ops, a few at a time, so each key's history stays small
 * enough to check exhaustively (as Jepsen's independent generators do).
 */
public final class RegisterWorkload {

    /** Keys in use at once, by default ({@code --keys} changes it). */
    public static final int KEYS_AT_ONCE = 3;
    /** Values written are 0..VALUES-1. */
    static final int VALUES = 5;

    private RegisterWorkload() {
    }

    /**
     * @param opsPerKey  ops before the keys in use move on (e.g. 200)
     * @param checkLimit the linearizability checker's time budget
     * @param client     the client prototype: the system under test's adapter of read, write and cas
     */
    public static Workload create(int opsPerKey, Duration checkLimit, io.faultline.core.client.Client client) {
        return create(opsPerKey, checkLimit, KEYS_AT_ONCE, client);
    }

    /**
     * @param keys keys in use at once (>= 1; {@link #KEYS_AT_ONCE} by default)
     * @see #create(int, Duration, io.faultline.core.client.Client)
     */
    public static Workload create(int opsPerKey, Duration checkLimit, int keys, io.faultline.core.client.Client client) {
        return new Workload("register", client, generator(opsPerKey, keys), Generators.empty(), checker(checkLimit));
    }

    /**
     * {@code w} with {@code keys} keys in use at once, when its generator is this workload's; otherwise
     * {@code w} itself (a system's own register workload).
     */
    public static Workload withKeys(Workload w, int keys) {
        if (!(w.generator() instanceof Ops ops)) return w;
        return new Workload(w.name(), w.client(), generator(ops.opsPerKey(), keys), w.finalOps(), w.checker());
    }

    /** The workload's checker: per-key linearizability (cas-register, nil initial) and stats. */
    public static Checker checker(Duration checkLimit) {
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("linear", Analysis.checkerFor("cas-register", true, null, false, checkLimit));
        checkers.put("stats", new StatsChecker());
        return Checkers.compose(checkers);
    }

    /** The generator alone, for tests and dry runs. */
    public static Generator generator(int opsPerKey) {
        return generator(opsPerKey, KEYS_AT_ONCE);
    }

    /** The generator alone, with {@code keys} keys in use at once. */
    public static Generator generator(int opsPerKey, int keys) {
        if (opsPerKey < 1) throw new IllegalArgumentException("opsPerKey must be >= 1, was " + opsPerKey);
        if (keys < 1) throw new IllegalArgumentException("--keys must be >= 1, was " + keys);
        return new Ops(0, opsPerKey, keys);
    }

    /** Pure generator of register ops; {@code n} counts the ops emitted so far; {@code keys} are in use at once. */
    record Ops(long n, int opsPerKey, int keys) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            SplittableRandom r = ctx.fork(n).random();
            long key = (n / opsPerKey) * keys + r.nextInt(keys);
            int pick = r.nextInt(10);
            Op template;
            if (pick < 4) template = Op.invoke(0, "read", Arrays.asList(key, null));
            else if (pick < 7) template = Op.invoke(0, "write", List.of(key, (long) r.nextInt(VALUES)));
            else template = Op.invoke(0, "cas", List.of(key, List.of((long) r.nextInt(VALUES), (long) r.nextInt(VALUES))));
            Op op = ctx.fillIn(template);
            return op == null ? GenResult.pending(this) : GenResult.emit(op, new Ops(n + 1, opsPerKey, keys));
        }
    }
}
