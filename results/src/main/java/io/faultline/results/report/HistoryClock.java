package io.faultline.results.report;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;

/**
 * Op times for plotting. A history whose ops carry times (Jepsen's, the runner's) uses them; one without
 * (a Knossos file) gets a synthetic time of one millisecond per op index, and says so.
 *
 * @param synthetic true when times are made up from indices
 * @param end       the time of the last op, ns
 */
record HistoryClock(boolean synthetic, long end) {

    static final long SYNTHETIC_STEP_NS = 1_000_000L;

    static HistoryClock of(History history) {
        boolean synthetic = history.stream().anyMatch(op -> op.time() < 0);
        long end = 0;
        for (Op op : history) end = Math.max(end, synthetic ? op.index() * SYNTHETIC_STEP_NS : op.time());
        return new HistoryClock(synthetic, end);
    }

    long nanos(Op op) {
        return synthetic ? op.index() * SYNTHETIC_STEP_NS : op.time();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
