package io.faultline.harness.shrink;

import io.faultline.harness.schedule.ScheduledFault;
import java.util.List;

/**
 * The settings of a test that {@code faultline shrink} varies: the fault schedule, the time limit, the
 * client threads, the workload's keys and the rate. Everything else (system, its options, workload, seed)
 * stays the original's.
 *
 * @param schedule         the explicit fault schedule, in order of start
 * @param timeLimitMillis  the main phase's length
 * @param concurrency      client threads (>= 1)
 * @param rate             client ops per second, in total
 * @param keys             the workload's key count ({@code --keys}); 0 when it has none (not shrunk, not set)
 */
public record Candidate(List<ScheduledFault> schedule, long timeLimitMillis, int concurrency, double rate, int keys) {

    public Candidate {
        schedule = List.copyOf(schedule);
        if (timeLimitMillis <= 0) throw new IllegalArgumentException("time limit must be > 0 ms, was " + timeLimitMillis);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        if (!(rate > 0)) throw new IllegalArgumentException("rate must be > 0, was " + rate);
        if (keys < 0) throw new IllegalArgumentException("keys must be >= 0, was " + keys);
    }

    /** A candidate without a key count (keys 0: the workload's own, not shrunk). */
    public Candidate(List<ScheduledFault> schedule, long timeLimitMillis, int concurrency, double rate) {
        this(schedule, timeLimitMillis, concurrency, rate, 0);
    }

    public Candidate withSchedule(List<ScheduledFault> s) {
        return new Candidate(s, timeLimitMillis, concurrency, rate, keys);
    }

    public Candidate withTimeLimit(long millis) {
        return new Candidate(schedule, millis, concurrency, rate, keys);
    }

    public Candidate withConcurrency(int threads) {
        return new Candidate(schedule, timeLimitMillis, threads, rate, keys);
    }

    public Candidate withRate(double opsPerSecond) {
        return new Candidate(schedule, timeLimitMillis, concurrency, opsPerSecond, keys);
    }

    public Candidate withKeys(int n) {
        return new Candidate(schedule, timeLimitMillis, concurrency, rate, n);
    }

    /** One line, e.g. {@code 1 fault (partition@4.0s+4.0s), 9.0s, 10 clients, 3 keys, 100 ops/s} (no keys when 0). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(schedule.size()).append(schedule.size() == 1 ? " fault (" : " faults (");
        for (int i = 0; i < schedule.size(); i++) {
            ScheduledFault f = schedule.get(i);
            if (i > 0) sb.append(", ");
            sb.append(f.fault()).append('@').append(seconds(f.atMillis())).append('+').append(seconds(f.durationMillis()));
        }
        return sb.append("), ").append(seconds(timeLimitMillis)).append(", ").append(concurrency).append(" clients, ")
                .append(keys > 0 ? keys + (keys == 1 ? " key, " : " keys, ") : "")
                .append(rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate)).append(" ops/s").toString();
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
