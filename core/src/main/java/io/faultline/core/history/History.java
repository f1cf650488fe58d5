package io.faultline.core.history;

import io.faultline.core.op.Op;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An immutable, indexed history of operations with its invocation/completion pairs.
 *
 * <p>Ops sit at dense positions {@code 0..size()-1}. For a history read from a file or recorded by the
 * runner, {@code op.index() == position}; a sub-history ({@link #filter}, {@link #byKey}) keeps the
 * original {@code index} of each op, so that what a checker reports names ops of the whole history.
 *
 * <p>Pairing: each process alternates invocation and completion. The nemesis may record its faults as
 * {@code :info}/{@code :info} pairs, as Jepsen does. An invocation without completion (a crashed
 * process at the end of the history) has no pair. Thread-safe (immutable).
 */
public final class History implements Iterable<Op> {

    private final Op[] ops;
    private final int[] pair;

    private History(Op[] ops, int[] pair) {
        this.ops = ops;
        this.pair = pair;
    }

    /**
     * Builds a history, giving each op without an index its position as index, and checks that
     * completions match invocations.
     *
     * @param ops    the ops in order; not modified
     * @param source names the input in error messages (a file name, "recorder")
     * @throws HistoryFormatException when a completion has no open invocation of its process, or a
     *                                process invokes twice without completing
     */
    public static History of(List<Op> ops, String source) {
        Op[] array = new Op[ops.size()];
        for (int i = 0; i < array.length; i++) {
            Op op = ops.get(i);
            array[i] = op.index() < 0 ? op.withIndex(i) : op;
        }
        return new History(array, pairUp(array, source));
    }

    /** {@link #of(List, String)} with the source "history". */
    public static History of(List<Op> ops) {
        return of(ops, "history");
    }

    private static int[] pairUp(Op[] ops, String source) {
        int[] pair = new int[ops.length];
        Arrays.fill(pair, -1);
        Map<Integer, Integer> open = new HashMap<>();
        for (int i = 0; i < ops.length; i++) {
            Op op = ops[i];
            Integer pending = open.get(op.process());
            boolean opens = op.isInvoke() || (op.isNemesis() && pending == null);
            if (opens) {
                if (pending != null) {
                    throw new HistoryFormatException(source, 0, "process " + processName(op) + " invokes op "
                            + op.index() + " while its op " + ops[pending].index()
                            + " has not completed (each process must alternate invoke and completion)");
                }
                open.put(op.process(), i);
            } else {
                if (pending == null) {
                    throw new HistoryFormatException(source, 0, "op " + op.index() + " (:" + op.type().keywordName()
                            + " :" + op.f() + " by process " + processName(op)
                            + ") completes no invocation: expected an earlier :invoke by the same process");
                }
                Op inv = ops[pending];
                if (!inv.f().equals(op.f()) && !op.isNemesis()) {
                    throw new HistoryFormatException(source, 0, "op " + op.index() + " completes :" + op.f()
                            + " but process " + processName(op) + " invoked :" + inv.f() + " at op " + inv.index());
                }
                pair[pending] = i;
                pair[i] = pending;
                open.remove(op.process());
            }
        }
        return pair;
    }

    private static String processName(Op op) {
        return op.isNemesis() ? ":nemesis" : Integer.toString(op.process());
    }

    public int size() {
        return ops.length;
    }

    public boolean isEmpty() {
        return ops.length == 0;
    }

    /** The op at a position. */
    public Op get(int position) {
        return ops[position];
    }

    /** The position of the op paired with the one at {@code position}, or -1 if it has none. */
    public int pairPosition(int position) {
        return pair[position];
    }

    /** The completion of the invocation at {@code position}, or null if it never completed. */
    public Op completionOf(int position) {
        int p = pair[position];
        return p < 0 || p < position ? null : ops[p];
    }

    /** The invocation of the completion at {@code position}, or null. */
    public Op invocationOf(int position) {
        int p = pair[position];
        return p < 0 || p > position ? null : ops[p];
    }

    /** A read-only list view of the ops; no copy. */
    public List<Op> asList() {
        return new AbstractList<>() {
            @Override
            public Op get(int i) {
                return ops[i];
            }

            @Override
            public int size() {
                return ops.length;
            }
        };
    }

    @Override
    public Iterator<Op> iterator() {
        return asList().iterator();
    }

    public Stream<Op> stream() {
        return Arrays.stream(ops);
    }

    /** Positions 0..size-1 as a stream, for folds that need the pair index. */
    public IntStream positions() {
        return IntStream.range(0, ops.length);
    }

    /**
     * The sub-history of matching ops. Keep whole pairs: a predicate that splits an invocation from
     * its completion makes a history that fails to pair up.
     */
    public History filter(Predicate<Op> keep) {
        List<Op> kept = new ArrayList<>();
        for (Op op : ops) if (keep.test(op)) kept.add(op);
        return of(kept, "filtered history");
    }

    /** The client ops (not the nemesis). */
    public History clientOps() {
        return filter(op -> !op.isNemesis());
    }

    /**
     * Splits an independent (multi-key) history: for ops whose value is a {@code [key value]} tuple,
     * one sub-history per key, in order of first appearance, with each value replaced by the inner
     * value. Other ops (nemesis, or values that are not tuples) are left out. An invocation whose
     * completion carries no tuple takes the invocation's key.
     */
    public Map<Object, History> byKey() {
        Map<Object, List<Op>> split = new LinkedHashMap<>();
        Object[] keyOf = new Object[ops.length];
        for (int i = 0; i < ops.length; i++) {
            Op op = ops[i];
            if (op.isNemesis()) continue;
            Object key;
            Object inner;
            if (op.value() instanceof List<?> tuple && tuple.size() == 2) {
                key = tuple.get(0);
                inner = tuple.get(1);
            } else if (!op.isInvoke() && pair[i] >= 0 && keyOf[pair[i]] != null) {
                key = keyOf[pair[i]];
                inner = op.value();
            } else {
                continue;
            }
            if (key == null) key = NilKey.NIL;
            keyOf[i] = key;
            split.computeIfAbsent(key, k -> new ArrayList<>()).add(
                    new Op(op.index(), op.time(), op.type(), op.process(), op.f(), inner, op.error(), op.extra()));
        }
        Map<Object, History> out = new LinkedHashMap<>();
        split.forEach((k, list) -> out.put(k == NilKey.NIL ? null : k, of(list, "key " + k)));
        return out;
    }

    private enum NilKey { NIL }

    @Override
    public String toString() {
        return "History[" + ops.length + " ops]";
    }
}
