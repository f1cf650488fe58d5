package io.faultline.checkers.linearizability;

import java.util.Arrays;

/**
 * The set of (linearized ops, model state) configurations a search has visited: an open-addressing hash
 * set. A linearized set is stored compactly as the count of leading all-ones words and the words after
 * them up to the last non-zero one, since a search's linearized set is mostly a full prefix. Confined to
 * one search (not thread-safe).
 */
final class StateCache {

    private static final long ENTRY_OVERHEAD = 64;

    private long[] hashes = new long[1 << 10];
    private Object[] states = new Object[1 << 10];
    private long[][] tails = new long[1 << 10][];
    private int[] prefixes = new int[1 << 10];
    private int size;
    private long bytes;

    int size() {
        return size;
    }

    /** Estimated heap taken, in bytes. */
    long bytes() {
        return bytes + hashes.length * 28L;
    }

    /**
     * Adds a configuration unless present.
     *
     * @param bitsHash a hash of {@code bits} (the caller keeps it incrementally)
     * @return true if it was new
     */
    boolean add(long bitsHash, long[] bits, Object state) {
        long h = mix(bitsHash * 31 + state.hashCode());
        if (h == 0) h = 1;
        int prefix = 0;
        while (prefix < bits.length && bits[prefix] == -1L) prefix++;
        int end = bits.length;
        while (end > prefix && bits[end - 1] == 0L) end--;
        int mask = hashes.length - 1;
        int slot = (int) h & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == h && prefixes[slot] == prefix && sameTail(tails[slot], bits, prefix, end)
                    && states[slot].equals(state)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
        states[slot] = state;
        prefixes[slot] = prefix;
        tails[slot] = Arrays.copyOfRange(bits, prefix, end);
        size++;
        bytes += ENTRY_OVERHEAD + 8L * (end - prefix);
        if (size * 2 > hashes.length) grow();
        return true;
    }

    private static boolean sameTail(long[] tail, long[] bits, int prefix, int end) {
        return tail.length == end - prefix && Arrays.equals(tail, 0, tail.length, bits, prefix, end);
    }

    private void grow() {
        long[] oh = hashes;
        Object[] os = states;
        long[][] ot = tails;
        int[] op = prefixes;
        int cap = oh.length * 2;
        hashes = new long[cap];
        states = new Object[cap];
        tails = new long[cap][];
        prefixes = new int[cap];
        int mask = cap - 1;
        for (int i = 0; i < oh.length; i++) {
            if (oh[i] == 0) continue;
            int slot = (int) oh[i] & mask;
            while (hashes[slot] != 0) slot = (slot + 1) & mask;
            hashes[slot] = oh[i];
            states[slot] = os[i];
            tails[slot] = ot[i];
            prefixes[slot] = op[i];
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
