package io.faultline.results.report;

import java.util.List;

/**
 * Completed ops per second over time, one series per f and completion type.
 *
 * @param bucket the width of a bucket in seconds; bucket i covers [i*bucket, (i+1)*bucket)
 * @param series the series, in order of first appearance
 */
public record ThroughputPlot(double bucket, List<Series> series) {

    /**
     * @param f     the op function
     * @param type  {@code ok}, {@code fail} or {@code info}
     * @param rates ops per second in each bucket
     */
    public record Series(String f, String type, double[] rates) {
    }
}
