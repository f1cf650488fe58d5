package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.Map;

/**
 * The column-wise storage of ops behind a {@link History}: one primitive array per field, rows
 * {@code 0..size-1}. Built by a {@link HistoryBuilder}; a builder may keep appending to the same arrays
 * beyond {@code size}, which never changes a row this snapshot holds, so a snapshot is immutable.
 *
 * <p>Encoding, per row:
 * <ul>
 *   <li>{@code index}: null when every op's index equals its row;
 *   <li>{@code type}: the {@link OpType} ordinal; {@code f}: an id into {@code fNames} (interned);
 *   <li>a value that is a two-element list {@code [k v]} is stored split: its key in {@code keyTag/keyBits}
 *       and {@code v} in {@code valueTag/valueBits}; {@code keyTag} is null when no op has such a value;
 *   <li>a value or key is {@link #NIL}, {@link #LONG} (a {@link Long}, inline in the bits, no box) or
 *       {@link #OBJECT} (any other value, the bits are an id into {@code pool}, where equal values of the
 *       same class are stored once); a key may also be {@link #NIL_KEY}, a tuple whose key is nil;
 *   <li>{@code error} and {@code extra}: null when no op has one, else 0 for none or pool id + 1.
 * </ul>
 * Thread-safe once published (immutable).
 */
final class OpColumns {

    /** Value tag: nil. Key tag: no {@code [key value]} tuple. */
    static final byte NIL = 0;
    /** A {@link Long}, held in the bits. */
    static final byte LONG = 1;
    /** Any other value: the bits are an id into the pool. */
    static final byte OBJECT = 2;
    /** Key tag only: the tuple's key is nil. */
    static final byte NIL_KEY = 3;

    private static final OpType[] TYPES = OpType.values();

    final int size;
    final long[] index;
    final long[] time;
    final byte[] type;
    final int[] process;
    final int[] f;
    final String[] fNames;
    final byte[] valueTag;
    final long[] valueBits;
    final byte[] keyTag;
    final long[] keyBits;
    final int[] error;
    final int[] extra;
    final Object[] pool;

    OpColumns(int size, long[] index, long[] time, byte[] type, int[] process, int[] f, String[] fNames,
              byte[] valueTag, long[] valueBits, byte[] keyTag, long[] keyBits, int[] error, int[] extra,
              Object[] pool) {
        this.size = size;
        this.index = index;
        this.time = time;
        this.type = type;
        this.process = process;
        this.f = f;
        this.fNames = fNames;
        this.valueTag = valueTag;
        this.valueBits = valueBits;
        this.keyTag = keyTag;
        this.keyBits = keyBits;
        this.error = error;
        this.extra = extra;
        this.pool = pool;
    }

    /**
     * The given rows of {@code from}, gathered into columns of their own (sharing its names and pool); with
     * {@code inner}, values without their tuple key.
     */
    static OpColumns gather(OpColumns from, int[] rows, boolean inner) {
        int n = rows.length;
        long[] index = new long[n];
        long[] time = new long[n];
        byte[] type = new byte[n];
        int[] process = new int[n];
        int[] f = new int[n];
        byte[] valueTag = new byte[n];
        long[] valueBits = new long[n];
        for (int i = 0; i < n; i++) index[i] = from.index(rows[i]);
        for (int i = 0; i < n; i++) time[i] = from.time[rows[i]];
        for (int i = 0; i < n; i++) type[i] = from.type[rows[i]];
        for (int i = 0; i < n; i++) process[i] = from.process[rows[i]];
        for (int i = 0; i < n; i++) f[i] = from.f[rows[i]];
        for (int i = 0; i < n; i++) valueTag[i] = from.valueTag[rows[i]];
        for (int i = 0; i < n; i++) valueBits[i] = from.valueBits[rows[i]];
        byte[] keyTag = null;
        long[] keyBits = null;
        if (!inner && from.keyTag != null) {
            keyTag = new byte[n];
            keyBits = new long[n];
            for (int i = 0; i < n; i++) keyTag[i] = from.keyTag[rows[i]];
            for (int i = 0; i < n; i++) keyBits[i] = from.keyBits[rows[i]];
        }
        return new OpColumns(n, index, time, type, process, f, from.fNames, valueTag, valueBits, keyTag, keyBits,
                gather(from.error, rows), gather(from.extra, rows), from.pool);
    }

    private static int[] gather(int[] column, int[] rows) {
        if (column == null) return null;
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = column[rows[i]];
        return out;
    }

    long index(int row) {
        return index == null ? row : index[row];
    }

    OpType type(int row) {
        return TYPES[type[row]];
    }

    String f(int row) {
        return fNames[f[row]];
    }

    /** The key tag of a row: {@link #NIL} when its value is no {@code [key value]} tuple. */
    byte keyTag(int row) {
        return keyTag == null ? NIL : keyTag[row];
    }

    /** The tuple's key of a row, or null (also when there is no tuple; see {@link #keyTag}). */
    Object key(int row) {
        return switch (keyTag(row)) {
            case LONG -> keyBits[row];
            case OBJECT -> pool[(int) keyBits[row]];
            default -> null;
        };
    }

    /** The value without its tuple key: the whole value when there is no tuple. */
    Object innerValue(int row) {
        return switch (valueTag[row]) {
            case LONG -> valueBits[row];
            case OBJECT -> pool[(int) valueBits[row]];
            default -> null;
        };
    }

    /** The value as it was appended. */
    Object value(int row) {
        Object inner = innerValue(row);
        return keyTag(row) == NIL ? inner : new KeyValue(key(row), inner);
    }

    Object error(int row) {
        return error == null || error[row] == 0 ? null : pool[error[row] - 1];
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> extra(int row) {
        return extra == null || extra[row] == 0 ? Map.of() : (Map<String, Object>) pool[extra[row] - 1];
    }

    /** The op of a row, its value unwrapped from its tuple when {@code inner}. */
    Op op(int row, boolean inner) {
        return new Op(index(row), time[row], type(row), process[row], f(row), inner ? innerValue(row) : value(row),
                error(row), extra(row));
    }
}
