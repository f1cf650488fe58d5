package io.faultline.harness.bench;

import io.faultline.checkers.Analysis;
import io.faultline.checkers.sim.Simulator;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.history.HistoryWriter;
import io.faultline.core.history.SplitByKey;
import io.faultline.core.op.Op;
import io.faultline.harness.measure.PeakHeap;
import io.faultline.harness.runner.HistoryRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Histories at Jepsen scale: generates independent cas-register histories (20 processes, 5 % info, values
 * 0..4, 1,000 ops per key), writes them as Jepsen's history.edn, reads them back and checks them. A size
 * below {@link #STREAMED_FROM} ops is plain EDN read into memory; from it on, gzipped EDN split by key on
 * disk ({@link SplitByKey}), and its verdict is compared with the in-memory path's on the same file, or,
 * when the in-memory path would not fit in the heap, on a smaller file of the same kind, which it says.
 * Prints per size {@code RESULT history ops=N read_ms=R check_ms=C peak_heap_mb=H bytes_per_op=B}, and
 * the runner's recorder's memory per op. Files live in a temporary directory, deleted at the end.
 *
 * <p>Usage: {@code ./faultline bench history [OPS...]} (default 1000000 10000000); run with e.g.
 * {@code FAULTLINE_JAVA_OPTS=-Xmx1g}. An in-memory size is read and checked twice to warm up the JIT (printed,
 * not counted; the first is what one cold {@code analyze} of the file costs), then three times, and the
 * median run (by read + check) is the result, each run printed (the build machine is shared).
 */
public final class HistoryBenchmark {

    static final long STREAMED_FROM = 5_000_000;
    /** Runs of an in-memory size, of which the median (by read + check) is the result: the machine is shared. */
    private static final int RUNS_IN_MEMORY = 3;
    /** Runs before those, while the JIT compiles the reader and the checker (most of a cold run's time). */
    private static final int WARM_UP_RUNS = 2;
    private static final long OPS_PER_KEY = 1_000;
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String a : args) {
            long n = Long.parseLong(a.replace("_", ""));
            if (n < 2 || n > 200_000_000) throw new IllegalArgumentException("OPS must be within 2..200000000, was " + a);
            sizes.add(n);
        }
        if (sizes.isEmpty()) sizes = List.of(1_000_000L, 10_000_000L);
        Path dir = Files.createTempDirectory("faultline-bench-history-");
        try {
            run(sizes, dir, System.out);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    static void run(List<Long> sizes, Path dir, PrintStream out) throws IOException {
        out.printf("heap max %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        for (long ops : sizes) {
            boolean streamed = ops >= STREAMED_FROM;
            long g0 = System.nanoTime();
            Path file = generate(dir, ops, streamed);
            out.printf("generated %s: %d MB on disk in %d ms%n", file.getFileName(), Files.size(file) >> 20,
                    (System.nanoTime() - g0) / 1_000_000);
            Measured m = streamed ? streamed(file, dir) : medianOf(RUNS_IN_MEMORY, file, out);
            out.printf("RESULT history ops=%d read_ms=%d check_ms=%d peak_heap_mb=%d bytes_per_op=%d%n",
                    m.ops, m.readMs, m.checkMs, m.peakMb, m.bytesPerOp);
            out.printf("  %s: %s (%s); CPU read %d ms, check %d ms; load average %.1f%n",
                    streamed ? "streamed by key, gzipped EDN" : "in memory, EDN", m.result.valid().label(),
                    m.result.explanation(), m.readCpuMs, m.checkCpuMs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (streamed) compare(m, file, ops, dir, out);
            if (!streamed) recorder(file, dir, out);
            Files.delete(file);
        }
    }

    /** The verdict of the in-memory path on the same file, or on a smaller one when it would not fit. */
    private static void compare(Measured streamedRun, Path file, long ops, Path dir, PrintStream out) throws IOException {
        long need = ops * 3 * Math.max(streamedRun.bytesPerOp, 50); // columns, views, and the blocks while reading
        if (need < Runtime.getRuntime().maxMemory() * 6 / 10) {
            Measured mem = inMemory(file);
            out.printf("RESULT history-verdict ops=%d streamed=%s in_memory=%s same=%b (same file)%n", ops,
                    streamedRun.result.valid().label(), mem.result.valid().label(), same(streamedRun.result, mem.result));
            return;
        }
        long smaller = Math.max(2, Runtime.getRuntime().maxMemory() * 6 / 10 / (3L * Math.max(streamedRun.bytesPerOp, 50)));
        smaller = Math.min(smaller, ops) / 1000 * 1000;
        Path small = generate(dir, smaller, true);
        Measured s = streamed(small, dir);
        Measured mem = inMemory(small);
        out.printf("RESULT history-verdict ops=%d streamed=%s in_memory=%s same=%b (the in-memory path would need ~%d MB"
                        + " for %d ops, more than this heap allows: compared on a %d-op file of the same kind)%n",
                smaller, s.result.valid().label(), mem.result.valid().label(), same(s.result, mem.result), need >> 20, ops, smaller);
        Files.delete(small);
    }

    private static Measured medianOf(int runs, Path file, PrintStream out) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            Measured m = inMemory(file);
            out.printf("  warm-up %d (not counted%s): read %d ms, check %d ms, peak heap %d MB; CPU read %d ms, check %d ms%n",
                    i + 1, i == 0 ? "; the JVM's first read and check, as one analyze of the file costs" : "", m.readMs,
                    m.checkMs, m.peakMb, m.readCpuMs, m.checkCpuMs);
        }
        List<Measured> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Measured m = inMemory(file);
            out.printf("  run %d: read %d ms, check %d ms, peak heap %d MB; CPU read %d ms, check %d ms%n", i + 1, m.readMs,
                    m.checkMs, m.peakMb, m.readCpuMs, m.checkCpuMs);
            all.add(m);
        }
        all.sort(Comparator.comparingLong(m -> m.readMs + m.checkMs));
        return all.get(runs / 2);
    }

    private static boolean same(Result a, Result b) {
        return a.valid() == b.valid() && a.explanation().equals(b.explanation())
                && a.details().get("valid-keys").equals(b.details().get("valid-keys"));
    }

    /** A read and check: wall times, and the process's CPU time over each (all threads, the GC's included). */
    private record Measured(Result result, long ops, long readMs, long checkMs, long peakMb, long bytesPerOp,
                            long readCpuMs, long checkCpuMs) {
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Path generate(Path dir, long ops, boolean gzip) throws IOException {
        Path file = dir.resolve("history-" + ops + (gzip ? ".edn.gz" : ".edn"));
        int keys = (int) Math.max(1, ops / OPS_PER_KEY);
        try (HistoryWriter w = HistoryWriter.edn(file, Duration.ofDays(1))) {
            Simulator.stream(new Simulator.Config("cas-register", 20, (int) (ops / 2), Math.max(2, keys), 0.05, 0.0, 5, 0, 7),
                    w::append);
        }
        return file;
    }

    private static Measured inMemory(Path file) {
        long before = usedAfterGc();
        PeakHeap.reset();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        History h = HistoryReader.read(file);
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        Result r = Analysis.checkerFor("cas-register", true, null, false, LIMIT).check(h);
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        long peak = PeakHeap.megabytes();
        long held = usedAfterGc() - before;
        long ops = h.size();
        Measured m = new Measured(r, ops, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, peak, held / Math.max(1, ops),
                (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000);
        reachabilityFence(h);
        return m;
    }

    private static Measured streamed(Path file, Path dir) throws IOException {
        usedAfterGc();
        PeakHeap.reset();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        try (SplitByKey split = SplitByKey.split(file, Runtime.getRuntime().maxMemory() / 8, 64, dir)) {
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            Result r = Analysis.checkSplit("cas-register", null, false, LIMIT, split);
            long t2 = System.nanoTime();
            long c2 = cpuNanos();
            long peak = PeakHeap.megabytes();
            long before = usedAfterGc();
            Map<Integer, History> partition = split.partition(0);
            long held = usedAfterGc() - before;
            long partitionOps = partition.values().stream().mapToLong(History::size).sum();
            reachabilityFence(partition);
            return new Measured(r, split.ops(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, peak,
                    held / Math.max(1, partitionOps), (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000);
        }
    }

    /** The runner's recorder holding the ops of a file: its heap per op. */
    private static void recorder(Path file, Path dir, PrintStream out) throws IOException {
        History source = HistoryReader.read(file);
        long before = usedAfterGc(); // with the source history already held: the difference is the recorder's
        HistoryRecorder recorder = HistoryRecorder.to(dir.resolve("recorded.edn"));
        try {
            for (int p = 0; p < source.size(); p++) {
                Op op = source.get(p);
                recorder.record(new Op(-1, -1, op.type(), op.process(), op.f(), op.value(), op.error(), op.extra()), op.time());
            }
            History recorded = recorder.history();
            long held = usedAfterGc() - before;
            out.printf("RESULT recorder ops=%d bytes_per_op=%d%n", recorded.size(), held / Math.max(1, recorded.size()));
            reachabilityFence(recorded);
            reachabilityFence(source);
        } finally {
            recorder.close();
            Files.deleteIfExists(dir.resolve("recorded.edn"));
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void reachabilityFence(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }
}
