package io.faultline.harness.runner;

import io.faultline.core.op.Op;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live progress line: elapsed and limit, client ops ok/fail/info, the current fault. On a
 * terminal it rewrites one line every second; otherwise it prints a line every ten seconds.
 * Thread-safe; {@link #close()} stops it.
 */
final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final HistoryRecorder recorder;
    private final Duration limit;
    private final LongSupplier clock;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private volatile String fault = "none";

    private Progress(PrintStream out, HistoryRecorder recorder, Duration limit, LongSupplier clock) {
        this.out = out;
        this.recorder = recorder;
        this.limit = limit;
        this.clock = clock;
        this.terminal = System.console() != null && System.getenv("CI") == null;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-progress");
            t.setDaemon(true);
            return t;
        });
    }

    static Progress start(PrintStream out, HistoryRecorder recorder, Duration limit, LongSupplier clock) {
        Progress p = new Progress(out, recorder, limit, clock);
        long period = p.terminal ? 1 : 10;
        p.timer.scheduleAtFixedRate(p::print, period, period, TimeUnit.SECONDS);
        return p;
    }

    /** Notes a nemesis completion: a start of a fault sets it, a stop clears it. */
    void fault(Op nemesisCompletion) {
        String f = nemesisCompletion.f();
        boolean ends = f.startsWith("stop") || f.equals("start") || f.equals("resume") || f.startsWith("heal");
        fault = ends ? "none" : f + " " + io.faultline.core.history.EdnOps.valueToEdn(nemesisCompletion.value());
    }

    private void print() {
        long[] c = recorder.counts();
        String line = String.format("[%ds/%ds] ok %d  fail %d  info %d  | fault: %s",
                clock.getAsLong() / 1_000_000_000L, limit.toSeconds(), c[0], c[1], c[2], abbreviate(fault));
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            out.println();
        }
    }
}
