package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The split of an independent history by key: the keys in order of first appearance and, for each,
 * the positions of its ops. An op belongs to the key of its {@code [key value]} tuple; a completion
 * without a tuple to its invocation's key; other ops (nemesis, no tuple) to none.
 *
 * @param keys  the keys (nil included as null), in order of first appearance
 * @param rows  for each key, the positions of its ops in order
 * @param pairs for each key, the pair index within the key (positions in {@code rows}), taken from the
 *              whole history's; null when some pair has its ops in different keys (or one in none), so
 *              that the keys must be paired afresh, and one of them fails to pair up
 */
record KeySplit(List<Object> keys, int[][] rows, int[][] pairs) {

    /** Splits a history whose values are stored with their tuples split ({@link OpColumns}). */
    static KeySplit of(History h) {
        int n = h.size();
        int[] ord = new int[n];
        Arrays.fill(ord, -1);
        LongIntMap longKeys = new LongIntMap();
        LongIntMap poolKeys = new LongIntMap();
        Map<Object, Integer> objectKeys = new HashMap<>();
        int nilKey = -1;
        List<Object> keys = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (h.isNemesis(p)) continue;
            byte tag = h.keyTag(p);
            int k;
            if (tag == OpColumns.LONG) {
                k = longKeys.get(h.keyBits(p), -1);
                if (k < 0) {
                    k = keys.size();
                    keys.add(h.key(p));
                    longKeys.put(h.keyBits(p), k);
                }
            } else if (tag == OpColumns.OBJECT) {
                k = poolKeys.get(h.keyBits(p), -1);
                if (k < 0) {
                    Object key = h.key(p);
                    Integer known = objectKeys.get(key);
                    if (known == null) {
                        known = keys.size();
                        keys.add(key);
                        objectKeys.put(key, known);
                    }
                    k = known;
                    poolKeys.put(h.keyBits(p), k);
                }
            } else if (tag == OpColumns.NIL_KEY) {
                if (nilKey < 0) {
                    nilKey = keys.size();
                    keys.add(null);
                }
                k = nilKey;
            } else {
                int inv = h.pairPosition(p);
                if (h.type(p) == OpType.INVOKE || inv < 0 || ord[inv] < 0) continue;
                k = ord[inv];
            }
            ord[p] = k;
        }
        return group(h, ord, keys);
    }

    /**
     * Groups the positions of a history by key ordinal.
     *
     * @param ord  for each position, its key's ordinal in {@code keys}, or -1 for none
     * @param keys the keys
     */
    static KeySplit group(History h, int[] ord, List<Object> keys) {
        int n = h.size();
        int[] counts = new int[keys.size()];
        for (int p = 0; p < n; p++) if (ord[p] >= 0) counts[ord[p]]++;
        int[][] rows = new int[keys.size()][];
        int[][] pairs = new int[keys.size()][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = new int[counts[k]];
            pairs[k] = new int[counts[k]];
            Arrays.fill(pairs[k], -1);
        }
        int[] filled = new int[keys.size()];
        int[] local = new int[n];
        boolean split = false;
        for (int p = 0; p < n; p++) {
            int k = ord[p];
            if (k < 0) continue;
            int at = filled[k]++;
            rows[k][at] = p;
            local[p] = at;
            int q = h.pairPosition(p);
            if (q < 0) continue;
            if (ord[q] != k) {
                split = true;
            } else if (q < p) {
                pairs[k][at] = local[q];
                pairs[k][local[q]] = at;
            }
        }
        return new KeySplit(keys, rows, split ? null : pairs);
    }

    /** Splits a history of ops whose values are already unwrapped (a per-key view): copies the ops. */
    static Map<Object, History> ofOps(History h) {
        Map<Object, List<Op>> split = new LinkedHashMap<>();
        Object[] keyOf = new Object[h.size()];
        Object nil = new Object();
        for (int i = 0; i < h.size(); i++) {
            Op op = h.get(i);
            if (op.isNemesis()) continue;
            Object key;
            Object inner;
            if (op.value() instanceof List<?> tuple && tuple.size() == 2) {
                key = tuple.get(0);
                inner = tuple.get(1);
            } else if (!op.isInvoke() && h.pairPosition(i) >= 0 && keyOf[h.pairPosition(i)] != null) {
                key = keyOf[h.pairPosition(i)];
                inner = op.value();
            } else {
                continue;
            }
            if (key == null) key = nil;
            keyOf[i] = key;
            split.computeIfAbsent(key, x -> new ArrayList<>()).add(
                    new Op(op.index(), op.time(), op.type(), op.process(), op.f(), inner, op.error(), op.extra()));
        }
        Map<Object, History> out = new LinkedHashMap<>();
        split.forEach((k, list) -> out.put(k == nil ? null : k, History.of(list, "key " + (k == nil ? "nil" : k))));
        return out;
    }
}
