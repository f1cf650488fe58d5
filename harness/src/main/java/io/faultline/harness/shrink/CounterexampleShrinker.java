package io.faultline.harness.shrink;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The smallest part of a history that a checker still finds invalid: the client ops of one key (values
 * {@code [key value]}), then operations removed one at a time (an invocation with its completion, never
 * apart), the last first, each removal kept while the verdict stays false, in passes until a pass removes
 * nothing (so no single operation can be removed any more: 1-minimal). Removing a completed write may
 * make a later read unexplainable; that is fine, whatever is still invalid is kept. Pure but for the
 * checker's own work; the result is re-indexed 0..n-1 so that {@code faultline analyze} reads it.
 */
public final class CounterexampleShrinker {

    private CounterexampleShrinker() {
    }

    /**
     * @param history the run's history
     * @param key     the invalid key as EDN (as the independent checker names it in {@code false-keys})
     * @param checker a checker of {@code [key value]} histories (e.g. the independent cas-register)
     * @return the ops, re-indexed; empty when the key's own ops are not invalid to {@code checker}
     */
    public static List<Op> shrink(History history, String key, Checker checker) {
        return reindexed(shrinkWithin(history, key, checker, () -> false).ops());
    }

    /**
     * What {@link #shrinkWithin} found.
     *
     * @param ops     the ops still invalid, with their original indices and times, in history order; empty when
     *                the key's own ops are not invalid
     * @param from    how many ops the key had
     * @param minimal true when no single operation can be removed any more; false when stopped before
     */
    public record Shrunk(List<Op> ops, int from, boolean minimal) {
    }

    /**
     * As {@link #shrink}, but asks {@code stop} before each check and returns what it has when it says so
     * (still invalid, maybe not minimal); ops keep their indices in the history.
     */
    public static Shrunk shrinkWithin(History history, String key, Checker checker, BooleanSupplier stop) {
        List<List<Op>> pairs = pairs(history, key);
        int from = flatten(pairs).size();
        if (!invalid(pairs, checker)) return new Shrunk(List.of(), from, false);
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int i = pairs.size() - 1; i >= 0; i--) {
                if (stop.getAsBoolean()) return new Shrunk(flatten(pairs), from, false);
                List<List<Op>> without = new ArrayList<>(pairs);
                without.remove(i);
                if (invalid(without, checker)) {
                    pairs = without;
                    removed = true;
                }
            }
        }
        return new Shrunk(flatten(pairs), from, true);
    }

    /** Ops re-indexed 0..n-1, in their order, so that {@code faultline analyze} reads them as a history. */
    public static List<Op> reindexed(List<Op> ops) {
        List<Op> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) out.add(ops.get(i).withIndex(i));
        return out;
    }

    /** The key's client ops as invocation/completion pairs, in order of invocation. */
    static List<List<Op>> pairs(History history, String key) {
        List<List<Op>> out = new ArrayList<>();
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.isNemesis() || !op.isInvoke() || !isKey(op.value(), key)) continue;
            int done = history.pairPosition(p);
            out.add(done < 0 ? List.of(op) : List.of(op, history.get(done)));
        }
        return out;
    }

    private static boolean isKey(Object value, String key) {
        return value instanceof List<?> tuple && tuple.size() == 2 && EdnOps.valueToEdn(tuple.get(0)).equals(key);
    }

    private static boolean invalid(List<List<Op>> pairs, Checker checker) {
        return checker.check(History.of(reindexed(flatten(pairs)), "counterexample")).valid() == Validity.FALSE;
    }

    private static List<Op> flatten(List<List<Op>> pairs) {
        List<Op> ops = new ArrayList<>();
        for (List<Op> pair : pairs) ops.addAll(pair);
        ops.sort(java.util.Comparator.comparingLong(Op::index));
        return ops;
    }
}
