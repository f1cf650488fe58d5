package io.faultline.harness.cli;

import io.faultline.core.checker.Validity;
import io.faultline.harness.plan.TestOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline test-all}: the matrix of workloads × nemeses × safety settings × seeds, one test
 * after another, with a summary table at the end. The exit code is the worst verdict's.
 */
@Command(name = "test-all", mixinStandardHelpOptions = true,
        description = "Runs a matrix of tests (workloads x nemeses x safety settings x seeds) and prints a summary table.")
final class TestAllCommand implements Callable<Integer> {

    @Mixin
    TestCommand.TestOptionsMixin options;

    @Option(names = "--workloads", split = ",", defaultValue = "register,set",
            description = "workloads to run (default ${DEFAULT-VALUE})")
    List<String> workloads;

    @Option(names = "--nemeses", split = ";", defaultValue = "partition",
            description = "nemeses to run, separated by ';' (each a comma list as in --nemesis) (default ${DEFAULT-VALUE})")
    List<String> nemeses;

    @Option(names = "--safety", split = ",", defaultValue = "async/keep,sync/demote",
            description = "replication/on-lease-loss pairs, the system's options of those names (default ${DEFAULT-VALUE}); "
                    + "ignored for a system without those options (one pass, safety '-')")
    List<String> safety;

    @Option(names = "--test-count", defaultValue = "1", description = "seeds per combination (default ${DEFAULT-VALUE})")
    int testCount;

    /** The system's own options, as in {@code faultline test}. */
    @CommandLine.Unmatched
    List<String> systemArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The safety column of a system without replication/on-lease-loss options. */
    static final String NO_SAFETY = "-";

    /** One cell of the table. */
    record Row(String workload, String nemesis, String safety, List<String> verdicts) {
    }

    @Override
    public Integer call() {
        if (testCount < 1) throw new BadInputException("--test-count must be >= 1, was " + testCount);
        PrintWriter out = spec.commandLine().getOut();
        long baseSeed = options.seed != null ? options.seed : 1;
        Map<String, Row> rows = new LinkedHashMap<>();
        Validity worst = Validity.TRUE;
        List<String> pairs = hasSafetyOptions() ? safety : List.of(NO_SAFETY);
        for (String workload : workloads) {
            for (String nemesis : nemeses) {
                for (String pair : pairs) {
                    String[] rs = pair.split("/");
                    if (rs.length != 2 && !pair.equals(NO_SAFETY)) throw new BadInputException("--safety takes replication/on-lease-loss pairs such as sync/demote, was '" + pair + "'");
                    Row row = new Row(workload, nemesis, pair, new ArrayList<>());
                    rows.put(workload + nemesis + pair, row);
                    for (int i = 0; i < testCount; i++) {
                        options.workload = workload;
                        options.nemesis = List.of(nemesis.split(","));
                        options.seed = baseSeed + i;
                        List<String> system = new ArrayList<>(systemArgs);
                        if (!pair.equals(NO_SAFETY)) system.addAll(List.of("--replication", rs[0], "--on-lease-loss", rs[1]));
                        TestOptions o = options.toOptions(system, Map.of(), List.of());
                        out.println("== " + o.effectiveName() + " seed " + o.seed());
                        out.flush();
                        try {
                            int code = TestCommand.run(o, out, System.err);
                            Validity v = code == 0 ? Validity.TRUE : code == 1 ? Validity.FALSE : Validity.UNKNOWN;
                            worst = worst.and(v);
                            row.verdicts().add(v.label());
                        } catch (RuntimeException e) {
                            // one test that could not run does not end the matrix; it counts as unknown
                            out.println("error: " + e.getMessage());
                            worst = worst.and(Validity.UNKNOWN);
                            row.verdicts().add("error");
                        }
                    }
                }
            }
        }
        printTable(out, rows.values());
        return worst.exitCode();
    }

    /** Whether the chosen system has the options that {@code --safety} sets. */
    private boolean hasSafetyOptions() {
        List<String> names = SystemArgs.system(options.system).options().stream().map(o -> o.name()).toList();
        return names.contains("replication") && names.contains("on-lease-loss");
    }

    static void printTable(PrintWriter out, Iterable<Row> rows) {
        out.println();
        out.println(String.format("%-10s %-18s %-13s %5s %5s %7s  %s", "workload", "nemesis", "safety", "valid", "invalid", "unknown", "verdicts"));
        for (Row r : rows) {
            long t = r.verdicts().stream().filter("true"::equals).count();
            long f = r.verdicts().stream().filter("false"::equals).count();
            long u = r.verdicts().size() - t - f; // unknown, or the test could not run (error)
            out.println(String.format("%-10s %-18s %-13s %5d %7d %7d  %s", r.workload(), r.nemesis(), r.safety(), t, f, u,
                    String.join(" ", r.verdicts())));
        }
        out.flush();
    }
}
