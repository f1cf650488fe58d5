package io.faultline.checkers.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The configurations a search has explored, with dominance: a configuration is (set of ok ops linearized,
 * set of unknown-outcome ops linearized, model state). It is dominated by an explored one with the same ok
 * set and state and a subset of its unknown-outcome ops, since leaving unknown-outcome ops unlinearized
 * only keeps more choices open; a dominated configuration need not be explored again.
 *
 * <p>An open-addressing hash table keyed by (ok set, state); each slot keeps the antichain of unknown-op
 * sets explored with that key. An ok set is stored compactly as the count of leading all-ones words and
 * the words after them up to the last non-zero one, since a search's ok set is mostly a full prefix.
 * Confined to one search (not thread-safe).
 */
final class StateCache {

    private static final long ENTRY_OVERHEAD = 72;
    private static final long[] NONE = new long[0];

    private long[] hashes = new long[1 << 10];
    private Object[] states = new Object[1 << 10];
    private long[][] tails = new long[1 << 10][];
    private int[] prefixes = new int[1 << 10];
    private Object[] infos = new Object[1 << 10];
    private int keys;
    private long size;
    private long bytes;

    /** Configurations remembered. */
    long size() {
        return size;
    }

    /** Estimated heap taken, in bytes. */
    long bytes() {
        return bytes + hashes.length * 36L;
    }

    /**
     * Records a configuration unless an explored one dominates it.
     *
     * @param okHash a hash of {@code ok} (the caller keeps it incrementally)
     * @return true if it is new and not dominated, so it must be explored
     */
    boolean add(long okHash, long[] ok, long[] info, Object state) {
        long h = mix(okHash * 31 + state.hashCode());
        if (h == 0) h = 1;
        int prefix = 0;
        while (prefix < ok.length && ok[prefix] == -1L) prefix++;
        int end = ok.length;
        while (end > prefix && ok[end - 1] == 0L) end--;
        int mask = hashes.length - 1;
        int slot = (int) h & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == h && prefixes[slot] == prefix && sameTail(tails[slot], ok, prefix, end)
                    && states[slot].equals(state)) {
                return addInfo(slot, info);
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
        states[slot] = state;
        prefixes[slot] = prefix;
        tails[slot] = Arrays.copyOfRange(ok, prefix, end);
        long[] trimmed = trim(info);
        infos[slot] = trimmed;
        keys++;
        size++;
        bytes += ENTRY_OVERHEAD + 8L * (end - prefix) + 8L * trimmed.length;
        if (keys * 2 > hashes.length) grow();
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean addInfo(int slot, long[] info) {
        Object held = infos[slot];
        if (held instanceof long[] one) {
            if (subset(one, info)) return false;
            long[] mine = trim(info);
            if (subset(mine, one)) {
                infos[slot] = mine;
            } else {
                List<long[]> list = new ArrayList<>(4);
                list.add(one);
                list.add(mine);
                infos[slot] = list;
            }
            size++;
            bytes += 24 + 8L * mine.length;
            return true;
        }
        List<long[]> list = (List<long[]>) held;
        for (long[] j : list) if (subset(j, info)) return false;
        long[] mine = trim(info);
        list.removeIf(j -> subset(mine, j));
        list.add(mine);
        size++;
        bytes += 24 + 8L * mine.length;
        return true;
    }

    /** Whether {@code a} (trimmed) is a subset of {@code b}. */
    private static boolean subset(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            long bw = w < b.length ? b[w] : 0L;
            if ((a[w] & ~bw) != 0) return false;
        }
        return true;
    }

    private static long[] trim(long[] bits) {
        int end = bits.length;
        while (end > 0 && bits[end - 1] == 0L) end--;
        return end == 0 ? NONE : Arrays.copyOf(bits, end);
    }

    private static boolean sameTail(long[] tail, long[] bits, int prefix, int end) {
        return tail.length == end - prefix && Arrays.equals(tail, 0, tail.length, bits, prefix, end);
    }

    private void grow() {
        long[] oh = hashes;
        Object[] os = states;
        long[][] ot = tails;
        int[] op = prefixes;
        Object[] oi = infos;
        int cap = oh.length * 2;
        hashes = new long[cap];
        states = new Object[cap];
        tails = new long[cap][];
        prefixes = new int[cap];
        infos = new Object[cap];
        int mask = cap - 1;
        for (int i = 0; i < oh.length; i++) {
            if (oh[i] == 0) continue;
            int slot = (int) oh[i] & mask;
            while (hashes[slot] != 0) slot = (slot + 1) & mask;
            hashes[slot] = oh[i];
            states[slot] = os[i];
            tails[slot] = ot[i];
            prefixes[slot] = op[i];
            infos[slot] = oi[i];
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
