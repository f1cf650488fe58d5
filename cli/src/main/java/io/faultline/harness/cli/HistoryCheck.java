package io.faultline.harness.cli;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.history.SplitByKey;
import io.faultline.harness.measure.PeakHeap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One file of {@code faultline analyze}: read, check, and what it took.
 *
 * @param result     the verdict
 * @param ops        the ops in the file
 * @param readNanos  reading (and, streamed, splitting by key)
 * @param checkNanos checking
 * @param peakHeapMb the heap's peak while reading and checking ({@link PeakHeap})
 * @param streamed   whether the history was split by key on disk rather than held in memory
 */
record HistoryCheck(Result result, long ops, long readNanos, long checkNanos, long peakHeapMb, boolean streamed) {

    /** The parameters of a check, as {@code analyze} was given them. */
    record Spec(String model, boolean independent, Object initial, boolean knossos, Duration timeLimit, boolean stream) {
    }

    /** The in-memory size from which an independent history is streamed even without {@code --stream}: a third of the heap. */
    private static final double STREAM_SHARE = 1 / 3.0;
    /** Heap per byte of EDN text in memory, generously (about 50 bytes per op of 90). */
    private static final double HEAP_PER_TEXT_BYTE = 0.7;
    /** Text bytes per gzipped byte assumed to decide on streaming. */
    private static final int GZIP_RATIO = 8;

    /**
     * Reads and checks one history file; {@code measureHeap} collects garbage first, for a peak heap
     * that is the file's own.
     *
     * @throws io.faultline.core.history.HistoryFormatException when the file cannot be read or paired
     */
    static HistoryCheck run(Path file, Spec spec, boolean measureHeap) {
        if (measureHeap) System.gc(); // so that the peak is this file's, not garbage left before it
        PeakHeap.reset();
        long t0 = System.nanoTime();
        if (spec.independent() && (spec.stream() || tooLargeForTheHeap(file))) {
            try (SplitByKey split = SplitByKey.split(file, Runtime.getRuntime().maxMemory() / 8, 64,
                    Path.of(System.getProperty("java.io.tmpdir")))) {
                long t1 = System.nanoTime();
                Result r = Analysis.checkSplit(spec.model(), spec.initial(), spec.knossos(), spec.timeLimit(), split);
                long t2 = System.nanoTime();
                return new HistoryCheck(r, split.ops(), t1 - t0, t2 - t1, PeakHeap.megabytes(), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot split " + file + " by key in the temporary directory", e);
            }
        }
        Checker checker = Analysis.checkerFor(spec.model(), spec.independent(), spec.initial(), spec.knossos(), spec.timeLimit());
        History history = HistoryReader.read(file);
        long t1 = System.nanoTime();
        Result r = checker.check(history);
        long t2 = System.nanoTime();
        return new HistoryCheck(r, history.size(), t1 - t0, t2 - t1, PeakHeap.megabytes(), false);
    }

    private static boolean tooLargeForTheHeap(Path file) {
        try {
            long size = Files.size(file);
            boolean gz;
            try (var in = Files.newInputStream(file)) {
                gz = in.read() == 0x1f && in.read() == 0x8b;
            }
            double heap = size * (gz ? GZIP_RATIO : 1) * HEAP_PER_TEXT_BYTE;
            return heap > Runtime.getRuntime().maxMemory() * STREAM_SHARE;
        } catch (IOException e) {
            return false; // the reader names the problem
        }
    }

    long readMs() {
        return readNanos / 1_000_000;
    }

    long checkMs() {
        return checkNanos / 1_000_000;
    }

    /** {@code ops=N read_ms=R check_ms=C peak_heap_mb=H}, and whether it was streamed. */
    String stats() {
        return "ops=" + ops + " read_ms=" + readMs() + " check_ms=" + checkMs() + " peak_heap_mb=" + peakHeapMb()
                + (streamed ? " streamed-by-key" : "");
    }
}
