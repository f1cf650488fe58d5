package io.faultline.checkers.linearizability;

import java.time.Duration;

/**
 * Budgets of one linearizability check. When one runs out the verdict is unknown with the cause, never
 * true.
 *
 * @param timeLimit      how long a check may search; null for no limit. Counted from the start of
 *                       {@code check} unless {@code deadlineNanos} is set
 * @param deadlineNanos  an absolute {@link System#nanoTime()} deadline shared by several checks (e.g. the
 *                       keys of an independent history), or 0 for none; the cause still names {@code timeLimit}
 * @param maxCacheStates the most (linearized set, state) pairs one search may remember
 * @param maxCacheBytes  the most heap, estimated, one search's cache may take
 */
public record Options(Duration timeLimit, long deadlineNanos, long maxCacheStates, long maxCacheBytes) {

    public Options {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
        }
        if (maxCacheStates <= 0) throw new IllegalArgumentException("maxCacheStates must be positive, was " + maxCacheStates);
        if (maxCacheBytes <= 0) throw new IllegalArgumentException("maxCacheBytes must be positive, was " + maxCacheBytes);
    }

    /** No time limit; the cache may hold 20,000,000 states and a third of the maximum heap. */
    public static Options defaults() {
        return new Options(null, 0, 20_000_000L, Runtime.getRuntime().maxMemory() / 3);
    }

    /** These options with a time limit (null for none). */
    public Options withTimeLimit(Duration limit) {
        return new Options(limit, deadlineNanos, maxCacheStates, maxCacheBytes);
    }

    /** These options with an absolute deadline in {@link System#nanoTime()} terms. */
    public Options withDeadline(long nanoTime) {
        return new Options(timeLimit, nanoTime, maxCacheStates, maxCacheBytes);
    }

    /** These options with other cache bounds. */
    public Options withCacheLimits(long states, long bytes) {
        return new Options(timeLimit, deadlineNanos, states, bytes);
    }

    /** The deadline of a check starting now, or Long.MAX_VALUE-like "none" as {@code 0}. */
    long deadlineFrom(long startNanos) {
        if (deadlineNanos != 0) return deadlineNanos;
        return timeLimit == null ? 0 : startNanos + timeLimit.toNanos();
    }
}
