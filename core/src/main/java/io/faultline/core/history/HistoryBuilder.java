package io.faultline.core.history;

import io.faultline.core.op.Op;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends ops into the compact column-wise form of a {@link History} ({@link OpColumns}): about 40-50
 * bytes per op for integer values, instead of an {@link Op} object graph. Interns function names and
 * values: equal values of the same class are stored once.
 *
 * <p>{@link #build} pairs the ops and returns a history that shares the builder's arrays, so the builder
 * may go on appending (the runner's recorder does) without copying; rows already built never change.
 * Not thread-safe: one thread appends, or the caller serialises (the recorder does).
 */
public final class HistoryBuilder {

    private final boolean explicitIndex;
    private int size;
    private long[] index;
    private long[] time;
    private byte[] type;
    private int[] process;
    private int[] f;
    private byte[] valueTag;
    private long[] valueBits;
    private byte[] keyTag;
    private long[] keyBits;
    private int[] error;
    private int[] extra;
    private String[] fNames = new String[8];
    private int fCount;
    private final Map<String, Integer> fIds = new HashMap<>();
    private Object[] pool = new Object[16];
    private int poolCount;
    private final Map<Object, Integer> poolIds = new HashMap<>();

    /** An empty builder with room for {@code capacity} ops before it grows. */
    public HistoryBuilder(int capacity) {
        this(capacity, false);
    }

    public HistoryBuilder() {
        this(1 << 10);
    }

    /**
     * @param explicitIndex keep every op's index as given, -1 included (for chunks of a file whose
     *                      positions are known only when the chunks are joined)
     */
    HistoryBuilder(int capacity, boolean explicitIndex) {
        int c = Math.max(16, capacity);
        this.explicitIndex = explicitIndex;
        time = new long[c];
        type = new byte[c];
        process = new int[c];
        f = new int[c];
        valueTag = new byte[c];
        valueBits = new long[c];
        if (explicitIndex) index = new long[c];
    }

    /** The number of ops appended. */
    public int size() {
        return size;
    }

    /**
     * Appends an op; an op without index ({@code -1}) gets its position.
     *
     * @return the op's position
     */
    public int append(Op op) {
        int row = appendRow(op.index(), op.time(), op.type().ordinal(), op.process(), fId(op.f()));
        setValue(row, op.value());
        if (op.error() != null) setError(row, intern(op.error()));
        if (!op.extra().isEmpty()) setExtra(row, intern(op.extra()));
        return row;
    }

    /**
     * Pairs the ops appended so far and returns them as a history.
     *
     * @throws HistoryFormatException as {@link History#of(List, String)}
     */
    public History build(String source) {
        return History.over(columns(), source);
    }

    OpColumns columns() {
        return new OpColumns(size, index, time, type, process, f, fNames, valueTag, valueBits, keyTag, keyBits, error,
                extra, pool);
    }

    /** Appends a row with a nil value and no error; returns the row. */
    int appendRow(long opIndex, long opTime, int typeOrdinal, int opProcess, int fId) {
        if (size == time.length) grow();
        int row = size++;
        if (index != null) {
            index[row] = explicitIndex || opIndex >= 0 ? opIndex : row;
        } else if (opIndex >= 0 && opIndex != row) {
            index = new long[time.length];
            for (int i = 0; i < row; i++) index[i] = i;
            index[row] = opIndex;
        }
        time[row] = opTime;
        type[row] = (byte) typeOrdinal;
        process[row] = opProcess;
        f[row] = fId;
        return row;
    }

    /** Sets a row's value: a {@code [key value]} list is split into key and value. */
    void setValue(int row, Object value) {
        if (value instanceof List<?> tuple && tuple.size() == 2) {
            Object key = tuple.get(0);
            if (key == null) setKey(row, OpColumns.NIL_KEY, 0);
            else if (key.getClass() == Long.class) setKey(row, OpColumns.LONG, (Long) key);
            else setKey(row, OpColumns.OBJECT, intern(key));
            value = tuple.get(1);
        }
        if (value == null) {
            valueTag[row] = OpColumns.NIL;
        } else if (value.getClass() == Long.class) {
            setInner(row, OpColumns.LONG, (Long) value);
        } else {
            setInner(row, OpColumns.OBJECT, intern(value));
        }
    }

    void setInner(int row, byte tag, long bits) {
        valueTag[row] = tag;
        valueBits[row] = bits;
    }

    void setKey(int row, byte tag, long bits) {
        if (keyTag == null) {
            keyTag = new byte[time.length];
            keyBits = new long[time.length];
        }
        keyTag[row] = tag;
        keyBits[row] = bits;
    }

    /** Sets a row's error to a pool id. */
    void setError(int row, int poolId) {
        if (error == null) error = new int[time.length];
        error[row] = poolId + 1;
    }

    /** Sets a row's extra keys to a pool id of an unmodifiable map. */
    void setExtra(int row, int poolId) {
        if (extra == null) extra = new int[time.length];
        extra[row] = poolId + 1;
    }

    /** The id of a function name, interned. */
    int fId(String name) {
        Integer id = fIds.get(name);
        if (id != null) return id;
        if (fCount == fNames.length) fNames = Arrays.copyOf(fNames, fCount * 2);
        fNames[fCount] = name;
        fIds.put(name, fCount);
        return fCount++;
    }

    /** The pool id of a value: one id for equal values of the same class. */
    int intern(Object value) {
        Integer id = poolIds.get(value);
        if (id != null && pool[id].getClass() == value.getClass()) return id;
        if (poolCount == pool.length) pool = Arrays.copyOf(pool, poolCount * 2);
        pool[poolCount] = value;
        if (id == null) poolIds.put(value, poolCount);
        return poolCount++;
    }

    /**
     * Appends every row of a chunk built with an explicit index, mapping its names and pool into this
     * builder's; a chunk op without index gets its position here.
     */
    void appendAll(HistoryBuilder chunk) {
        int n = chunk.size;
        reserve(n);
        int at = size;
        int[] fMap = new int[chunk.fCount];
        for (int i = 0; i < chunk.fCount; i++) fMap[i] = fId(chunk.fNames[i]);
        int[] poolMap = new int[chunk.poolCount];
        for (int i = 0; i < chunk.poolCount; i++) poolMap[i] = intern(chunk.pool[i]);
        System.arraycopy(chunk.time, 0, time, at, n);
        System.arraycopy(chunk.type, 0, type, at, n);
        System.arraycopy(chunk.process, 0, process, at, n);
        System.arraycopy(chunk.valueTag, 0, valueTag, at, n);
        System.arraycopy(chunk.valueBits, 0, valueBits, at, n);
        for (int r = 0; r < n; r++) {
            f[at + r] = fMap[chunk.f[r]];
            if (chunk.valueTag[r] == OpColumns.OBJECT) valueBits[at + r] = poolMap[(int) chunk.valueBits[r]];
        }
        for (int r = 0; r < n; r++) {
            long opIndex = chunk.index == null || chunk.index[r] < 0 ? at + r : chunk.index[r];
            if (index != null) {
                index[at + r] = opIndex;
            } else if (opIndex != at + r) {
                index = new long[time.length];
                for (int i = 0; i < at + r; i++) index[i] = i;
                index[at + r] = opIndex;
            }
        }
        if (chunk.keyTag != null) {
            for (int r = 0; r < n; r++) {
                byte kt = chunk.keyTag[r];
                if (kt != OpColumns.NIL) setKey(at + r, kt, kt == OpColumns.OBJECT ? poolMap[(int) chunk.keyBits[r]] : chunk.keyBits[r]);
            }
        }
        for (int r = 0; r < n; r++) {
            if (chunk.error != null && chunk.error[r] != 0) setError(at + r, poolMap[chunk.error[r] - 1]);
            if (chunk.extra != null && chunk.extra[r] != 0) setExtra(at + r, poolMap[chunk.extra[r] - 1]);
        }
        size = at + n;
    }

    /** Makes room for at least {@code more} rows, so that joining chunks allocates once. */
    void reserve(int more) {
        if (size + more > time.length) resize(size + more);
    }

    private void grow() {
        resize(Math.max(16, time.length + (time.length >> 1)));
    }

    private void resize(int capacity) {
        time = Arrays.copyOf(time, capacity);
        type = Arrays.copyOf(type, capacity);
        process = Arrays.copyOf(process, capacity);
        f = Arrays.copyOf(f, capacity);
        valueTag = Arrays.copyOf(valueTag, capacity);
        valueBits = Arrays.copyOf(valueBits, capacity);
        if (index != null) index = Arrays.copyOf(index, capacity);
        if (keyTag != null) {
            keyTag = Arrays.copyOf(keyTag, capacity);
            keyBits = Arrays.copyOf(keyBits, capacity);
        }
        if (error != null) error = Arrays.copyOf(error, capacity);
        if (extra != null) extra = Arrays.copyOf(extra, capacity);
    }
}
