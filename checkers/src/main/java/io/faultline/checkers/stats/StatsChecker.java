package io.faultline.checkers.stats;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts, latencies and throughput of the client ops, per {@code f}, as data a report can plot. Valid
 * unless some {@code f} never succeeded (as Jepsen's stats checker); nemesis ops are left out.
 *
 * <p>Details: {@code count}, {@code ok-count}, {@code fail-count}, {@code info-count}, {@code crashed-count}
 * (invocations never completed), {@code duration-s}, {@code ops-per-s}, and {@code by-f}: for each f a
 * {@link FStats}. Latencies need op times; ops without them are counted but not timed. Stateless and
 * thread-safe.
 */
public final class StatsChecker implements Checker {

    /**
     * Figures of one {@code f}.
     *
     * @param count     invocations
     * @param ok        completed ok
     * @param fail      completed fail
     * @param info      completed info
     * @param crashed   never completed
     * @param opsPerS   invocations per second over the whole history
     * @param latencies by completion type ({@code ok}, {@code fail}, {@code info}): latency figures
     */
    public record FStats(long count, long ok, long fail, long info, long crashed, double opsPerS,
                         Map<String, Latency> latencies) {
    }

    /** Latency percentiles in milliseconds of {@code count} timed ops. */
    public record Latency(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        static Latency of(long[] nanos, int n) {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Latency(n, ms(pick(sorted, 0.50)), ms(pick(sorted, 0.95)), ms(pick(sorted, 0.99)), ms(sorted[n - 1]));
        }

        private static long pick(long[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    private static final class Acc {
        long count;
        long crashed;
        final long[] byType = new long[4];
        final Map<String, long[]> lat = new TreeMap<>();
        final Map<String, Integer> latN = new TreeMap<>();

        void time(String type, long nanos) {
            long[] a = lat.computeIfAbsent(type, t -> new long[16]);
            int n = latN.getOrDefault(type, 0);
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                lat.put(type, a);
            }
            a[n] = nanos;
            latN.put(type, n + 1);
        }
    }

    @Override
    public Result check(History history) {
        Map<String, Acc> byF = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.isNemesis()) continue;
            if (op.time() >= 0) {
                first = Math.min(first, op.time());
                last = Math.max(last, op.time());
            }
            if (!op.isInvoke()) continue;
            Acc acc = byF.computeIfAbsent(op.f(), f -> new Acc());
            acc.count++;
            Op done = history.completionOf(p);
            if (done == null) {
                acc.crashed++;
                continue;
            }
            acc.byType[done.type().ordinal()]++;
            if (op.time() >= 0 && done.time() >= 0) acc.time(done.type().keywordName(), done.time() - op.time());
        }
        double seconds = first <= last ? (last - first) / 1e9 : 0;
        Map<String, Object> fs = new LinkedHashMap<>();
        long count = 0;
        long[] totals = new long[4];
        long crashed = 0;
        List<String> neverOk = new ArrayList<>();
        for (Map.Entry<String, Acc> e : byF.entrySet()) {
            Acc a = e.getValue();
            Map<String, Latency> lat = new LinkedHashMap<>();
            a.lat.forEach((type, nanos) -> lat.put(type, Latency.of(nanos, a.latN.get(type))));
            fs.put(e.getKey(), new FStats(a.count, a.byType[1], a.byType[2], a.byType[3], a.crashed,
                    seconds > 0 ? a.count / seconds : 0, lat));
            count += a.count;
            crashed += a.crashed;
            for (int t = 0; t < 4; t++) totals[t] += a.byType[t];
            if (a.byType[1] == 0) neverOk.add(e.getKey());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", count);
        d.put("ok-count", totals[1]);
        d.put("fail-count", totals[2]);
        d.put("info-count", totals[3]);
        d.put("crashed-count", crashed);
        d.put("duration-s", seconds);
        d.put("ops-per-s", seconds > 0 ? count / seconds : 0);
        d.put("by-f", fs);
        d.put("never-ok", neverOk);
        boolean valid = neverOk.isEmpty();
        return new Result(Validity.of(valid), valid ? count + " client ops, every f succeeded at least once"
                : "no ok ops for :" + String.join(", :", neverOk), d);
    }
}
