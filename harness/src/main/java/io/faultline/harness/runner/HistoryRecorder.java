package io.faultline.harness.runner;

import io.faultline.core.history.History;
import io.faultline.core.history.HistoryBuilder;
import io.faultline.core.history.HistoryWriter;
import io.faultline.core.op.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records a test's history as it happens: assigns dense indices and monotonic times, keeps the ops
 * in memory for the checkers, column-wise ({@link HistoryBuilder}: about 50 bytes per op), and appends
 * each one to {@code history.edn} at once, so a crash of the harness keeps everything recorded before it.
 *
 * <p>Thread-safe: {@link #record} is synchronized (the interpreter is its only caller in practice);
 * the counters may be read from any thread, e.g. by the progress line.
 */
public final class HistoryRecorder implements AutoCloseable {

    private final HistoryWriter writer;
    private final HistoryBuilder ops = new HistoryBuilder(1 << 12);
    private long lastTime;
    private final LongAdder ok = new LongAdder();
    private final LongAdder fail = new LongAdder();
    private final LongAdder info = new LongAdder();

    private HistoryRecorder(HistoryWriter writer) {
        this.writer = writer;
    }

    /** How long a recorded op may wait in the file's buffer before it reaches the operating system. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

    /**
     * Creates (or truncates) {@code file} and records into it; ops reach the file within
     * {@link #FLUSH_INTERVAL}, or at once when {@link #flush()} is called (before the runner waits).
     */
    public static HistoryRecorder to(Path file) throws IOException {
        return new HistoryRecorder(HistoryWriter.edn(file, FLUSH_INTERVAL));
    }

    /** Hands what was recorded to the operating system. */
    public synchronized void flush() {
        writer.flush();
    }

    /**
     * Records an op, giving it the next index and a time no earlier than the last one recorded.
     *
     * @param op   an invocation or completion
     * @param time ns since the test started, as measured when the op happened
     * @return the op as recorded
     */
    public synchronized Op record(Op op, long time) {
        lastTime = Math.max(lastTime, time);
        Op recorded = op.withIndex(ops.size()).withTime(lastTime);
        ops.append(recorded);
        writer.append(recorded);
        if (!recorded.isNemesis()) {
            switch (recorded.type()) {
                case OK -> ok.increment();
                case FAIL -> fail.increment();
                case INFO -> info.increment();
                default -> {
                }
            }
        }
        return recorded;
    }

    /** Client completions so far: ok, fail, info. */
    public long[] counts() {
        return new long[] {ok.sum(), fail.sum(), info.sum()};
    }

    /** The history recorded so far, paired. */
    public synchronized History history() {
        return ops.build("recorded history"); // shares the builder's columns: no copy
    }

    /** The number of ops recorded so far. */
    public synchronized int size() {
        return ops.size();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
