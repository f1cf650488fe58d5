package io.faultline.results.report;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the latency and throughput plots of a history's client ops. Memory is linear in the number
 * of series times the number of buckets, not in the history. Stateless.
 */
final class Plots {

    /** Time buckets per latency series; each keeps at most its fastest and slowest op. */
    static final int LATENCY_BUCKETS = 600;
    /** At most this many throughput buckets. */
    static final int RATE_BUCKETS = 400;

    private Plots() {
    }

    static LatencyPlot latency(History history, HistoryClock clock) {
        long span = Math.max(1, clock.end());
        Map<String, Sampler> samplers = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < history.size(); i++) {
            Op inv = history.get(i);
            if (inv.isNemesis() || !inv.isInvoke()) continue;
            Op done = history.completionOf(i);
            if (done == null) continue;
            total++;
            long t = clock.nanos(inv);
            long latency = clock.nanos(done) - t;
            String type = done.type().keywordName();
            samplers.computeIfAbsent(inv.f() + "\u0000" + type, k -> new Sampler(inv.f(), type))
                    .add(t, latency, span);
        }
        List<LatencyPlot.Series> series = new ArrayList<>();
        long shown = 0;
        for (Sampler s : samplers.values()) {
            LatencyPlot.Series one = s.series();
            shown += one.x().length;
            series.add(one);
        }
        return new LatencyPlot(series, total, shown);
    }

    static ThroughputPlot throughput(History history, HistoryClock clock) {
        double seconds = Math.max(HistoryClock.seconds(clock.end()), 1e-3);
        double bucket = niceBucket(seconds);
        int n = Math.max(1, (int) Math.ceil(seconds / bucket));
        double lastWidth = Math.max(seconds - (n - 1) * bucket, bucket / 10);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.isNemesis() || op.isInvoke()) continue;
            String type = op.type().keywordName();
            String key = op.f() + "\u0000" + type;
            long[] c = counts.computeIfAbsent(key, k -> new long[n]);
            names.putIfAbsent(key, new String[] {op.f(), type});
            int b = (int) Math.min(n - 1, Math.max(0, (long) (HistoryClock.seconds(clock.nanos(op)) / bucket)));
            c[b]++;
        }
        List<ThroughputPlot.Series> series = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            double[] rates = new double[n];
            for (int b = 0; b < n; b++) rates[b] = e.getValue()[b] / (b == n - 1 ? lastWidth : bucket);
            String[] name = names.get(e.getKey());
            series.add(new ThroughputPlot.Series(name[0], name[1], rates));
        }
        return new ThroughputPlot(bucket, series);
    }

    /**
     * A round bucket width (1, 2 or 5 times a power of ten seconds) giving about 50 buckets for short
     * runs; at least one second for runs over 100 s, and at most {@link #RATE_BUCKETS} buckets.
     */
    static double niceBucket(double seconds) {
        double raw = seconds > 100 ? Math.max(1.0, seconds / RATE_BUCKETS) : seconds / 50;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= raw) return step * power;
        }
        return 10 * power;
    }

    /**
     * Keeps every op while a series has at most two per bucket on average; beyond that, per time bucket,
     * the op with the least and the one with the greatest latency.
     */
    private static final class Sampler {
        private final String f;
        private final String type;
        private long[] exactT = new long[64];
        private long[] exactL = new long[64];
        private int exact;
        private final long[] minT = new long[LATENCY_BUCKETS];
        private final long[] minL = new long[LATENCY_BUCKETS];
        private final long[] maxT = new long[LATENCY_BUCKETS];
        private final long[] maxL = new long[LATENCY_BUCKETS];

        Sampler(String f, String type) {
            this.f = f;
            this.type = type;
            Arrays.fill(minL, Long.MAX_VALUE);
            Arrays.fill(maxL, Long.MIN_VALUE);
        }

        void add(long t, long latency, long span) {
            if (exactT != null) {
                if (exact < 2 * LATENCY_BUCKETS) {
                    if (exact == exactT.length) {
                        exactT = Arrays.copyOf(exactT, exact * 2);
                        exactL = Arrays.copyOf(exactL, exact * 2);
                    }
                    exactT[exact] = t;
                    exactL[exact++] = latency;
                    return;
                }
                long[] ts = exactT;
                long[] ls = exactL;
                exactT = null;
                exactL = null;
                for (int i = 0; i < exact; i++) bucket(ts[i], ls[i], span);
            }
            bucket(t, latency, span);
        }

        private void bucket(long t, long latency, long span) {
            int b = (int) Math.min(LATENCY_BUCKETS - 1, Math.max(0, t * (double) LATENCY_BUCKETS / span));
            if (latency < minL[b]) {
                minL[b] = latency;
                minT[b] = t;
            }
            if (latency > maxL[b]) {
                maxL[b] = latency;
                maxT[b] = t;
            }
        }

        LatencyPlot.Series series() {
            if (exactT != null) {
                double[] x = new double[exact];
                double[] y = new double[exact];
                for (int i = 0; i < exact; i++) {
                    x[i] = HistoryClock.seconds(exactT[i]);
                    y[i] = exactL[i] / 1e6;
                }
                return new LatencyPlot.Series(f, type, x, y);
            }
            double[] x = new double[2 * LATENCY_BUCKETS];
            double[] y = new double[2 * LATENCY_BUCKETS];
            int n = 0;
            for (int b = 0; b < LATENCY_BUCKETS; b++) {
                if (minL[b] == Long.MAX_VALUE) continue;
                x[n] = HistoryClock.seconds(minT[b]);
                y[n++] = minL[b] / 1e6;
                if (maxT[b] != minT[b] || maxL[b] != minL[b]) {
                    x[n] = HistoryClock.seconds(maxT[b]);
                    y[n++] = maxL[b] / 1e6;
                }
            }
            return new LatencyPlot.Series(f, type, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        }
    }
}
