package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes the ops of a history, read block by block in file order, to their keys, as {@link History#byKey()}
 * assigns them: an op's key is its {@code [key value]} tuple's, or, for a completion without one, its
 * invocation's. Pairs invocations with completions as it goes ({@link Pairing}'s rules and errors), and
 * rejects a pair whose ops are in different keys, as {@link History#byKey()} does. Keys get ids in order
 * of first appearance. Confined to one thread.
 */
final class KeyRouter {

    /** Takes a keyed client op: its key id, resolved index, the block and row, and the global function id. */
    interface Route {
        void accept(int keyId, long index, OpColumns chunk, int row, int fId);
    }

    private static final int NO_KEY = -1;
    private static final OpType[] TYPES = OpType.values();

    private final String name;
    private final Route route;
    private final List<Object> keys = new ArrayList<>();
    private final LongIntMap longKeys = new LongIntMap();
    private final Map<Object, Integer> objectKeys = new HashMap<>();
    private int nilKey = NO_KEY;
    private final Map<String, Integer> fIds = new HashMap<>();
    private String[] fNames = new String[8];
    /** Per process: its slot in the pending arrays. */
    private final LongIntMap slots = new LongIntMap();
    private boolean[] open = new boolean[16];
    private long[] openIndex = new long[16];
    private int[] openF = new int[16];
    private int[] openKey = new int[16];
    private long position;
    private long clientOps;
    private long unkeyed;

    KeyRouter(String name, Route route) {
        this.name = name;
        this.route = route;
    }

    /** Routes every op of a block, in order. */
    void accept(HistoryBuilder block) {
        OpColumns c = block.columns();
        int[] fMap = new int[c.fNames.length];
        Arrays.fill(fMap, -1);
        for (int row = 0; row < c.size; row++) {
            long index = c.index == null || c.index[row] < 0 ? position : c.index[row];
            position++;
            int f = fMap[c.f[row]];
            if (f < 0) f = fMap[c.f[row]] = fId(c.f(row));
            int process = c.process[row];
            int slot = slot(process);
            OpType type = TYPES[c.type[row]];
            boolean nemesis = process == Op.NEMESIS;
            int key = nemesis ? NO_KEY : keyOf(c, row);
            if (type == OpType.INVOKE || (nemesis && !open[slot])) {
                if (open[slot]) {
                    throw new HistoryFormatException(name, 0, "process " + processName(process) + " invokes op " + index
                            + " while its op " + openIndex[slot] + " has not completed (each process must alternate invoke and completion)");
                }
                open[slot] = true;
                openIndex[slot] = index;
                openF[slot] = f;
                openKey[slot] = key;
            } else {
                if (!open[slot]) {
                    throw new HistoryFormatException(name, 0, "op " + index + " (:" + type.keywordName() + " :" + c.f(row)
                            + " by process " + processName(process) + ") completes no invocation: expected an earlier :invoke by the same process");
                }
                if (openF[slot] != f && !nemesis) {
                    throw new HistoryFormatException(name, 0, "op " + index + " completes :" + c.f(row) + " but process "
                            + processName(process) + " invoked :" + fNames[openF[slot]] + " at op " + openIndex[slot]);
                }
                open[slot] = false;
                if (key == NO_KEY) {
                    key = openKey[slot];
                } else if (key != openKey[slot] && !nemesis) {
                    throw new HistoryFormatException("key " + keyName(key), 0, "op " + index + " (:" + type.keywordName()
                            + " :" + c.f(row) + " by process " + processName(process)
                            + ") completes no invocation: expected an earlier :invoke by the same process");
                }
            }
            if (nemesis) continue;
            clientOps++;
            if (key == NO_KEY) unkeyed++;
            else route.accept(key, index, c, row, f);
        }
    }

    private int keyOf(OpColumns c, int row) {
        byte tag = c.keyTag(row);
        if (tag == OpColumns.LONG) {
            int k = longKeys.get(c.keyBits[row], NO_KEY);
            if (k == NO_KEY) {
                k = keys.size();
                keys.add(c.keyBits[row]);
                longKeys.put(c.keyBits[row], k);
            }
            return k;
        }
        if (tag == OpColumns.OBJECT) {
            Object key = c.key(row);
            Integer k = objectKeys.get(key);
            if (k == null) {
                k = keys.size();
                keys.add(key);
                objectKeys.put(key, k);
            }
            return k;
        }
        if (tag == OpColumns.NIL_KEY) {
            if (nilKey == NO_KEY) {
                nilKey = keys.size();
                keys.add(null);
            }
            return nilKey;
        }
        return NO_KEY;
    }

    private String keyName(int key) {
        return String.valueOf(keys.get(key) == null ? "nil" : keys.get(key));
    }

    private int slot(int process) {
        int s = slots.get(process, -1);
        if (s >= 0) return s;
        s = slots.size();
        slots.put(process, s);
        if (s == open.length) {
            open = Arrays.copyOf(open, s * 2);
            openIndex = Arrays.copyOf(openIndex, s * 2);
            openF = Arrays.copyOf(openF, s * 2);
            openKey = Arrays.copyOf(openKey, s * 2);
        }
        return s;
    }

    private int fId(String f) {
        Integer id = fIds.get(f);
        if (id != null) return id;
        int next = fIds.size();
        if (next == fNames.length) fNames = Arrays.copyOf(fNames, next * 2);
        fNames[next] = f;
        fIds.put(f, next);
        return next;
    }

    private static String processName(int process) {
        return process == Op.NEMESIS ? ":nemesis" : Integer.toString(process);
    }

    List<Object> keys() {
        return keys;
    }

    String[] fNames() {
        return fNames;
    }

    long clientOps() {
        return clientOps;
    }

    long unkeyedClientOps() {
        return unkeyed;
    }

    long ops() {
        return position;
    }
}
