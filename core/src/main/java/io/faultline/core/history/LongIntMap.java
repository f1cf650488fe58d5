package io.faultline.core.history;

/**
 * An open-addressing map from {@code long} to {@code int} without boxing, for the per-op lookups of
 * pairing and splitting by key (processes, keys). Not thread-safe.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int count;

    LongIntMap() {
        this(16);
    }

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
    }

    /** The value of {@code key}, or {@code missing} when it has none. */
    int get(long key, int missing) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) return values[i];
        }
        return missing;
    }

    /** Sets the value of {@code key}. */
    void put(long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++count * 2 > keys.length) grow();
    }

    int size() {
        return count;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) put(oldKeys[i], oldValues[i]);
        }
    }
}
