package io.faultline.results.bench;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.results.report.Report;
import io.faultline.results.report.ReportInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders the report of a generated history and prints how long it took and how big the file is.
 *
 * <p>Usage: {@code ReportBenchmark [records (1000000)] [output file (results/target/bench/report.html)]}; run with
 * {@code mvn -o -q -pl bench exec:java} or {@code -Dexec.args="200000 /tmp/r.html"} (the plugin sets {@code faultline.bench.dir} to the build directory). The first render warms
 * the JVM up on a small history; the second is the one measured.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("faultline.bench.dir", "target/bench"), "report.html");
        Files.createDirectories(out.toAbsolutePath().getParent());

        long g0 = System.nanoTime();
        History history = SyntheticHistory.generate(records, 10, 42);
        long g1 = System.nanoTime();
        System.out.printf("generated %,d records in %.2f s%n", history.size(), (g1 - g0) / 1e9);

        Result result = Result.invalid("1 of 3 checkers found a problem", Map.of(
                "linear", Result.valid("linearizable (synthetic)"),
                "stats", Result.valid("ok").with("count", (long) history.size()),
                "set", Result.invalid("2 lost", Map.of("lost", List.of(List.of(3L, 1L), List.of(7L, 4L))))));
        Map<String, Object> spec = Map.of("workload", "register", "nemesis", List.of("partition"), "seed", 42L,
                "concurrency", 10L);

        Report.write(ReportInput.of("warm-up", Instant.now(), spec, SyntheticHistory.generate(20_000, 10, 1), result),
                out.resolveSibling("warm-up.html"));

        long r0 = System.nanoTime();
        Report.write(ReportInput.of("benchmark", Instant.now(), spec, history, result), out);
        long r1 = System.nanoTime();
        System.out.printf("rendered the report of %,d records in %.2f s: %s, %.1f MB%n", history.size(), (r1 - r0) / 1e9,
                out, Files.size(out) / 1e6);
    }
}
