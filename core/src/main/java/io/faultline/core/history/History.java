package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
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
 * <p>Storage is column-wise ({@link OpColumns}, built by a {@link HistoryBuilder}): {@link #get} builds
 * an {@link Op} on each call (equal, not the same object, from call to call); the accessors
 * {@link #type(int)}, {@link #process(int)}, {@link #f(int)} ... read a field without building one. A
 * sub-history is a view: an array of rows into the same columns and its own pair index.
 *
 * <p>Pairing: each process alternates invocation and completion. The nemesis may record its faults as
 * {@code :info}/{@code :info} pairs, as Jepsen does. An invocation without completion (a crashed
 * process at the end of the history) has no pair. Thread-safe (immutable).
 */
public final class History implements Iterable<Op> {

    private final OpColumns columns;
    /** The column row of each position, or null when position == row. */
    private final int[] rows;
    private final int size;
    private final int[] pair;
    /** Values are shown without their tuple key (a per-key view). */
    private final boolean inner;

    private History(OpColumns columns, int[] rows, int size, boolean inner, String source) {
        this.columns = columns;
        this.rows = rows;
        this.size = size;
        this.inner = inner;
        this.pair = Pairing.pair(this, source);
    }

    /** A view with a pair index already known to be the one {@link Pairing} would give. */
    private History(OpColumns columns, int[] rows, boolean inner, int[] pair) {
        this.columns = columns;
        this.rows = rows;
        this.size = rows == null ? columns.size : rows.length;
        this.inner = inner;
        this.pair = pair;
    }

    /** A history over all rows of {@code columns}; pairs them. */
    static History over(OpColumns columns, String source) {
        return new History(columns, null, columns.size, false, source);
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
        HistoryBuilder builder = new HistoryBuilder(ops.size());
        for (Op op : ops) builder.append(op);
        return builder.build(source);
    }

    /** {@link #of(List, String)} with the source "history". */
    public static History of(List<Op> ops) {
        return of(ops, "history");
    }

    private int row(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a history of " + size + " ops");
        }
        return rows == null ? position : rows[position];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The op at a position, built from the columns. */
    public Op get(int position) {
        return columns.op(row(position), inner);
    }

    /** The index of the op at a position, without building it. */
    public long index(int position) {
        return columns.index(row(position));
    }

    /** The time of the op at a position. */
    public long time(int position) {
        return columns.time[row(position)];
    }

    /** The type of the op at a position. */
    public OpType type(int position) {
        return columns.type(row(position));
    }

    /** The process of the op at a position ({@link Op#NEMESIS} for the nemesis). */
    public int process(int position) {
        return columns.process[row(position)];
    }

    /** True when the op at a position is the nemesis'. */
    public boolean isNemesis(int position) {
        return process(position) == Op.NEMESIS;
    }

    /** The function of the op at a position (interned: equal names are the same string). */
    public String f(int position) {
        return columns.f(row(position));
    }

    /** The value of the op at a position, as {@link #get}{@code (position).value()}. */
    public Object value(int position) {
        int row = row(position);
        return inner ? columns.innerValue(row) : columns.value(row);
    }

    /** The position of the op paired with the one at {@code position}, or -1 if it has none. */
    public int pairPosition(int position) {
        return pair[position];
    }

    /** The completion of the invocation at {@code position}, or null if it never completed. */
    public Op completionOf(int position) {
        int p = pair[position];
        return p < 0 || p < position ? null : get(p);
    }

    /** The invocation of the completion at {@code position}, or null. */
    public Op invocationOf(int position) {
        int p = pair[position];
        return p < 0 || p > position ? null : get(p);
    }

    /** A read-only list view of the ops, each built on access; no copy. */
    public List<Op> asList() {
        return new OpList();
    }

    private final class OpList extends AbstractList<Op> implements RandomAccess {
        @Override
        public Op get(int i) {
            return History.this.get(i);
        }

        @Override
        public int size() {
            return size;
        }
    }

    @Override
    public Iterator<Op> iterator() {
        return asList().iterator();
    }

    public Stream<Op> stream() {
        return positions().mapToObj(this::get);
    }

    /** Positions 0..size-1 as a stream, for folds that need the pair index. */
    public IntStream positions() {
        return IntStream.range(0, size);
    }

    /**
     * The sub-history of matching ops, as a view. Keep whole pairs: a predicate that splits an
     * invocation from its completion makes a history that fails to pair up.
     */
    public History filter(Predicate<Op> keep) {
        int[] kept = new int[size];
        int n = 0;
        for (int p = 0; p < size; p++) {
            if (keep.test(get(p))) kept[n++] = row(p);
        }
        return new History(columns, java.util.Arrays.copyOf(kept, n), n, inner, "filtered history");
    }

    /** The client ops (not the nemesis). */
    public History clientOps() {
        int[] kept = new int[size];
        int n = 0;
        for (int p = 0; p < size; p++) {
            if (columns.process[row(p)] != Op.NEMESIS) kept[n++] = row(p);
        }
        return new History(columns, java.util.Arrays.copyOf(kept, n), n, inner, "filtered history");
    }

    /**
     * Splits an independent (multi-key) history: for ops whose value is a {@code [key value]} tuple,
     * one sub-history per key, in order of first appearance, with each value replaced by the inner
     * value. Other ops (nemesis, or values that are not tuples) are left out. An invocation whose
     * completion carries no tuple takes the invocation's key. Each sub-history is a view of this one's
     * columns (an array of rows), not a copy.
     *
     * @throws HistoryFormatException when a key's ops do not pair up (source "key K")
     */
    public Map<Object, History> byKey() {
        if (inner) return KeySplit.ofOps(this);
        KeySplit split = KeySplit.of(this);
        Map<Object, History> out = new LinkedHashMap<>();
        for (int k = 0; k < split.keys().size(); k++) {
            int[] keyRows = split.rows()[k];
            for (int i = 0; i < keyRows.length; i++) keyRows[i] = row(keyRows[i]);
            Object key = split.keys().get(k);
            out.put(key, split.pairs() != null ? new History(columns, keyRows, true, split.pairs()[k])
                    : new History(columns, keyRows, keyRows.length, true, "key " + (key == null ? "nil" : key)));
        }
        return out;
    }

    /**
     * Per-key views of a history whose ops are already split from their keys (a partition of a
     * {@link SplitByKey}), given each op's key id: by key id, in order of first appearance.
     */
    Map<Integer, History> splitByKeyId(int[] keyIds) {
        LongIntMap ordinals = new LongIntMap();
        List<Object> ids = new java.util.ArrayList<>();
        int[] ord = new int[size];
        for (int p = 0; p < size; p++) {
            int k = ordinals.get(keyIds[p], -1);
            if (k < 0) {
                k = ids.size();
                ids.add(keyIds[p]);
                ordinals.put(keyIds[p], k);
            }
            ord[p] = k;
        }
        KeySplit split = KeySplit.group(this, ord, ids);
        Map<Integer, History> out = new LinkedHashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            int[] keyRows = split.rows()[k];
            for (int i = 0; i < keyRows.length; i++) keyRows[i] = row(keyRows[i]);
            out.put((Integer) ids.get(k), split.pairs() != null ? new History(columns, keyRows, inner, split.pairs()[k])
                    : new History(columns, keyRows, keyRows.length, inner, "key " + ids.get(k)));
        }
        return out;
    }

    /** The key tag of the op at a position ({@link OpColumns#keyTag}), for {@link KeySplit}. */
    byte keyTag(int position) {
        return columns.keyTag(row(position));
    }

    long keyBits(int position) {
        return columns.keyBits[row(position)];
    }

    Object key(int position) {
        return columns.key(row(position));
    }

    /** The interned id of the function of the op at a position, for pairing. */
    int fId(int position) {
        return columns.f[row(position)];
    }

    /**
     * This history with its ops gathered into columns of their own, contiguous: equal op for op, pairs
     * included. A view ({@link #byKey}, {@link #filter}) spreads its ops over its parent's columns, which
     * costs a cache miss per field read; a checker that reads every op many times reads a compacted copy
     * faster. Costs about as much memory as the ops it holds; the history itself if it is no view.
     */
    public History compacted() {
        if (rows == null) return this;
        return new History(OpColumns.gather(columns, rows, inner), null, false, pair);
    }

    /** True when this history and {@code other} are views of the same columns (no copy between them). */
    boolean sharesColumnsWith(History other) {
        return columns == other.columns;
    }

    @Override
    public String toString() {
        return "History[" + size + " ops]";
    }
}
