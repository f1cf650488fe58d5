package io.faultline.harness.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline bench NAME [ARGS...]}: the benchmarks that print the figures the issues ask for.
 * Each is a module's own main class; this dispatches, checks the number of positional arguments, and
 * turns a benchmark's bad argument ({@link IllegalArgumentException}) into bad input (exit 254) with
 * the benchmark's usage.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its figures: checkers, history, proxy, client, report, runner, docker, netns.")
final class BenchCommand implements Callable<Integer> {

    /**
     * One benchmark.
     *
     * @param mainClass     its main class
     * @param usage         its arguments, for messages
     * @param maxPositional how many positional arguments it takes; -1 when it parses {@code --options} itself
     */
    record Benchmark(String mainClass, String usage, int maxPositional) {
    }

    static final Map<String, Benchmark> BENCHMARKS = Map.of(
            "checkers", new Benchmark("io.faultline.checkers.bench.CheckerBenchmark",
                    "[all | knossos [DIR] | cas [OPS [PROCESSES]] | independent [OPS [KEYS]]]", 3),
            "proxy", new Benchmark("io.faultline.nemesis.bench.ProxyBenchmark",
                    "[--redis PATH] [--connections 50] [--seconds 3] [--rounds 5] [--loops N] "
                            + "[--loads java,redis-benchmark] [--reference on|off]", -1),
            "client", new Benchmark("io.faultline.sut.bench.ClientBenchmark", "(no arguments)", 0),
            "report", new Benchmark("io.faultline.results.bench.ReportBenchmark", "[RECORDS [OUT]]", 2),
            "runner", new Benchmark("io.faultline.harness.bench.RunnerBenchmark", "[SECONDS [CONCURRENCY [ROUNDS]]]", 3),
            "docker", new Benchmark("io.faultline.sut.bench.DockerClusterBenchmark", "[ROUNDS [NODES]]", 2),
            "history", new Benchmark("io.faultline.harness.bench.HistoryBenchmark", "[OPS...] (default 1000000 10000000)", 8),
            "netns", new Benchmark("io.faultline.nemesis.bench.PacketPartitionBenchmark", "[ROUNDS (20) [RANGE (10.213.200.0/28)]]", 2));

    @Parameters(index = "0", paramLabel = "NAME", description = "checkers, history, proxy, client, report, runner, docker or netns")
    String name;

    /** The benchmark's own arguments and options, passed on as they are. */
    @CommandLine.Unmatched
    List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Benchmark benchmark = BENCHMARKS.get(name);
        if (benchmark == null) {
            throw new BadInputException("unknown benchmark '" + name + "' (known: " + String.join(", ", new TreeSet<>(BENCHMARKS.keySet())) + ")");
        }
        if (benchmark.maxPositional() >= 0 && args.size() > benchmark.maxPositional()) {
            throw badInput(benchmark, "too many arguments " + args);
        }
        try {
            Class.forName(benchmark.mainClass()).getMethod("main", String[].class)
                    .invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            // the benchmark's own failure: a bad argument is bad input (254), anything else the harness's
            Throwable cause = e.getCause();
            if (cause instanceof NumberFormatException number) {
                throw badInput(benchmark, "an argument is not a whole number (" + number.getMessage() + ")");
            }
            if (cause instanceof IllegalArgumentException bad) throw badInput(benchmark, bad.getMessage());
            if (cause instanceof Exception failure) throw failure;
            throw e;
        }
        return 0;
    }

    private BadInputException badInput(Benchmark benchmark, String problem) {
        return new BadInputException("bench " + name + ": " + problem + "; usage: faultline bench " + name + " " + benchmark.usage());
    }
}
