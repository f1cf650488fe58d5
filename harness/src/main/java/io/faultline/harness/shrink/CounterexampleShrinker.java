package io.faultline.harness.shrink;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.List;

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
        List<List<Op>> pairs = pairs(history, key);
        if (!invalid(pairs, checker)) return List.of();
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int i = pairs.size() - 1; i >= 0; i--) {
                List<List<Op>> without = new ArrayList<>(pairs);
                without.remove(i);
                if (invalid(without, checker)) {
                    pairs = without;
                    removed = true;
                }
            }
        }
        return flatten(pairs);
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
        return checker.check(History.of(flatten(pairs), "counterexample")).valid() == Validity.FALSE;
    }

    private static List<Op> flatten(List<List<Op>> pairs) {
        List<Op> ops = new ArrayList<>();
        for (List<Op> pair : pairs) ops.addAll(pair);
        ops.sort(java.util.Comparator.comparingLong(Op::index));
        List<Op> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) out.add(ops.get(i).withIndex(i));
        return out;
    }
}
