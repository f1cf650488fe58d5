package io.faultline.harness.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline bench NAME [ARGS...]}: the benchmarks that print the figures the issues ask for.
 * Each is a module's own main class; this only dispatches.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark and prints its figures: checkers, proxy, client, report, runner, docker.")
final class BenchCommand implements Callable<Integer> {

    static final Map<String, String> BENCHMARKS = Map.of(
            "checkers", "io.faultline.checkers.bench.CheckerBenchmark",
            "proxy", "io.faultline.nemesis.bench.ProxyBenchmark",
            "client", "io.faultline.sut.bench.ClientBenchmark",
            "report", "io.faultline.results.bench.ReportBenchmark",
            "runner", "io.faultline.harness.bench.RunnerBenchmark",
            "docker", "io.faultline.sut.bench.DockerClusterBenchmark");

    @Parameters(index = "0", paramLabel = "NAME", description = "checkers, proxy, client, report, runner or docker")
    String name;

    /** The benchmark's own arguments and options, passed on as they are. */
    @CommandLine.Unmatched
    List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String main = BENCHMARKS.get(name);
        if (main == null) {
            throw new BadInputException("unknown benchmark '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(BENCHMARKS.keySet())) + ")");
        }
        Class.forName(main).getMethod("main", String[].class).invoke(null, (Object) args.toArray(String[]::new));
        return 0;
    }
}
