package io.faultline.results.report;

import java.util.List;

/**
 * The points of the latency plot: each op a point at its invocation time with its latency, one series per
 * f and completion type. Long histories are downsampled per series to the fastest and slowest op of each
 * time bucket, so outliers and the shape survive.
 *
 * @param series the series, in order of first appearance
 * @param total  ops with a completion in the history
 * @param shown  points kept
 */
public record LatencyPlot(List<Series> series, long total, long shown) {

    /**
     * @param f    the op function
     * @param type {@code ok}, {@code fail} or {@code info}
     * @param x    invocation times, seconds since the start
     * @param y    latencies, milliseconds
     */
    public record Series(String f, String type, double[] x, double[] y) {
    }
}
