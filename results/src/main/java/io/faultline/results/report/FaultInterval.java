package io.faultline.results.report;

/**
 * A period during which a fault may have been in effect: from the invocation of the nemesis op that began
 * it to the completion of the op that ended it. A nemesis op that neither begins nor ends a fault (say a
 * clock bump) is an interval of its own duration.
 *
 * @param kind       what is faulted, e.g. {@code partition}, {@code kill}, {@code pause}
 * @param label      the starting op's f and value, e.g. {@code start-partition {"n1" ["n2"]}}
 * @param start      seconds since the test started
 * @param end        seconds since the test started; the end of the history when never ended
 * @param open       true when no nemesis op ended it
 * @param startIndex the index of the op that began it
 */
public record FaultInterval(String kind, String label, double start, double end, boolean open, long startIndex) {

    /** True when the fault may have been in effect at a time in seconds. */
    public boolean covers(double seconds) {
        return start <= seconds && seconds <= end;
    }
}
