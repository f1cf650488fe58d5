package io.faultline.results.report;

import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every operation of a history as one bar of the timeline, in columns (arrays of equal length, one entry
 * per invocation, in invocation order), so that a million ops stay compact. Values are EDN text, cut at
 * {@link #VALUE_LIMIT} characters.
 *
 * @param p     process of each op; -1 for the nemesis
 * @param i     index of the invocation
 * @param s     invocation time, microseconds since the start
 * @param d     duration to the completion, microseconds; -1 when it never completed
 * @param t     how it completed: 0 ok, 1 fail, 2 info, 3 never
 * @param f     index into {@code fs}
 * @param v     the invocation's value
 * @param r     the completion's value when it differs from the invocation's, else null
 * @param e     the completion's error, or null
 * @param fs    the op functions
 * @param procs the processes in order, the nemesis (-1) first
 */
public record TimelineData(int[] p, long[] i, long[] s, long[] d, int[] t, int[] f, String[] v, String[] r,
                           String[] e, List<String> fs, int[] procs) {

    static final int VALUE_LIMIT = 240;

    /** The number of bars. */
    public int size() {
        return p.length;
    }

    static TimelineData of(History history, HistoryClock clock) {
        int n = 0;
        for (int pos = 0; pos < history.size(); pos++) if (opens(history, pos)) n++;
        int[] p = new int[n];
        long[] idx = new long[n];
        long[] s = new long[n];
        long[] d = new long[n];
        int[] t = new int[n];
        int[] f = new int[n];
        String[] v = new String[n];
        String[] r = new String[n];
        String[] e = new String[n];
        Map<String, Integer> fs = new LinkedHashMap<>();
        TreeSet<Integer> procs = new TreeSet<>();
        int k = 0;
        for (int pos = 0; pos < history.size(); pos++) {
            if (!opens(history, pos)) continue;
            Op inv = history.get(pos);
            int pair = history.pairPosition(pos);
            Op done = pair > pos ? history.get(pair) : null;
            p[k] = inv.process();
            procs.add(inv.process());
            idx[k] = inv.index();
            long start = clock.nanos(inv);
            s[k] = start / 1000;
            d[k] = done == null ? -1 : Math.max(0, (clock.nanos(done) - start) / 1000);
            t[k] = done == null ? 3 : switch (done.type()) {
                case OK -> 0;
                case FAIL -> 1;
                default -> 2;
            };
            f[k] = fs.computeIfAbsent(inv.f(), x -> fs.size());
            v[k] = edn(inv.value());
            if (done != null && !java.util.Objects.equals(done.value(), inv.value())) r[k] = edn(done.value());
            if (done != null && done.error() != null) e[k] = edn(done.error());
            k++;
        }
        return new TimelineData(p, idx, s, d, t, f, v, r, e, new ArrayList<>(fs.keySet()),
                procs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** True for an invocation, or a nemesis action's first record. */
    private static boolean opens(History history, int pos) {
        Op op = history.get(pos);
        if (op.isInvoke()) return true;
        int pair = history.pairPosition(pos);
        return op.isNemesis() && (pair < 0 || pair > pos);
    }

    static String edn(Object value) {
        String text = EdnOps.valueToEdn(value);
        return text.length() > VALUE_LIMIT ? text.substring(0, VALUE_LIMIT - 1) + "…" : text;
    }
}
