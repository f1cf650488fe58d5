package io.faultline.checkers.bench;

import io.faultline.checkers.Analysis;
import io.faultline.checkers.sim.Simulator;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.history.HistoryWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import us.bpsm.edn.Keyword;

/**
 * Prints ops checked per second and peak heap for three scenarios. Usage:
 * {@code java -Xmx2g -cp ... io.faultline.checkers.bench.CheckerBenchmark [knossos [DIR] | cas [OPS [VALUES, 0 = unique]] | independent [OPS [KEYS]] | all]}.
 * Run each scenario in its own JVM for a clean peak-heap figure.
 */
public final class CheckerBenchmark {

    private CheckerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String scenario = args.length > 0 ? args[0] : "all";
        switch (scenario) {
            case "knossos" -> knossos(args.length > 1 ? Path.of(args[1]) : Path.of("../shared/histories/knossos"));
            case "cas" -> cas(args.length > 1 ? Integer.parseInt(args[1]) : 10_000, args.length > 2 ? Integer.parseInt(args[2]) : 5);
            case "independent" -> independent(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 1_000);
            case "all" -> {
                knossos(Path.of("../shared/histories/knossos"));
                cas(10_000, 5);
                independent(1_000_000, 1_000);
            }
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario
                    + "' (known: all, knossos, cas, independent)");
        }
    }

    private static void knossos(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
        }
        Map<Object, Object> xy = Map.of(Keyword.newKeyword("x"), 0L, Keyword.newKeyword("y"), 0L);
        long ops = 0;
        long readNanos = 0;
        long checkNanos = 0;
        int mismatches = 0;
        for (Path f : files) {
            long t0 = System.nanoTime();
            History h = HistoryReader.read(f);
            long t1 = System.nanoTime();
            String rel = root.relativize(f).toString();
            Checker c = rel.startsWith("mutex") ? Analysis.checkerFor("mutex", false, null, true, Duration.ofSeconds(60))
                    : rel.startsWith("multi-register") ? Analysis.checkerFor("multi-register", false, xy, true, Duration.ofSeconds(60))
                    : Analysis.checkerFor("cas-register", false, 0L, true, Duration.ofSeconds(60));
            Result r = c.check(h);
            long t2 = System.nanoTime();
            boolean expectValid = rel.contains("good");
            if (r.valid() != io.faultline.core.checker.Validity.of(expectValid)) {
                mismatches++;
                System.out.println("MISMATCH " + rel + ": " + r.valid().label() + " " + r.explanation());
            }
            ops += h.size();
            readNanos += t1 - t0;
            checkNanos += t2 - t1;
        }
        System.out.printf("knossos corpus: %d files, %d ops, %d verdicts differ from Knossos'; read %.0f ms, check %.0f ms, %.0f ops/s checked; peak heap %d MB%n",
                files.size(), ops, mismatches, readNanos / 1e6, checkNanos / 1e6, ops / (checkNanos / 1e9), peakHeapMb());
    }

    private static void cas(int ops, int values) {
        long t0 = System.nanoTime();
        History h = Simulator.generate(new Simulator.Config("cas-register", 20, ops, 1, 0.3, 0.0, values, 0, 42));
        long t1 = System.nanoTime();
        Result r = Analysis.checkerFor("cas-register", false, null, false, Duration.ofSeconds(120)).check(h);
        long t2 = System.nanoTime();
        System.out.printf("cas-register, 1 key, 20 processes, 30%% info, values %s, seed 42: %d invocations, %d history ops; generated in %.0f ms; check %.0f ms -> %s (%s); %.0f ops/s checked; cache %s states; peak heap %d MB%n",
                values > 0 ? "0.." + (values - 1) : "unique", ops, h.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, r.valid().label(), r.explanation(),
                h.size() / ((t2 - t1) / 1e9), r.details().get("cache-states"), peakHeapMb());
    }

    private static void independent(int ops, int keys) throws IOException {
        History generated = Simulator.generate(new Simulator.Config("cas-register", 20, ops / 2, keys, 0.05, 0.0, 5, 0, 7));
        Path file = Files.createTempFile("faultline-bench-", ".history.edn");
        try {
            HistoryWriter.writeEdn(generated, file);
            long size = Files.size(file);
            generated = null;
            System.gc();
            long t0 = System.nanoTime();
            History h = HistoryReader.read(file);
            long t1 = System.nanoTime();
            Result r = Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(120)).check(h);
            long t2 = System.nanoTime();
            System.out.printf("independent cas-register: %d history ops over %d keys, 20 processes, 5%% info (%d MB EDN); read %.0f ms, check %.0f ms on %d cores -> %s (%s); %.0f ops/s checked, %.0f ops/s read+check; peak heap %d MB%n",
                    h.size(), keys, size >> 20, (t1 - t0) / 1e6, (t2 - t1) / 1e6, Runtime.getRuntime().availableProcessors(),
                    r.valid().label(), r.explanation(), h.size() / ((t2 - t1) / 1e9), h.size() / ((t2 - t0) / 1e9), peakHeapMb());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The sum of the heap pools' peak usage since the JVM started, in MB. */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
