package io.faultline.harness.cli;

import io.faultline.core.checker.Validity;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.TestSystem;
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

    @Option(names = "--safety", split = ",",
            description = "settings of the --safety-options, each its values joined by '/', e.g. sync/demote; 'default' for the system's "
                    + "own (default: async/keep,sync/demote when the system has replication and on-lease-loss, else default)")
    List<String> safety;

    @Option(names = "--safety-options", split = ",", defaultValue = "replication,on-lease-loss",
            description = "the system's options that each --safety setting gives values to, in order (default ${DEFAULT-VALUE})")
    List<String> safetyOptions;

    /** The --safety setting that sets nothing: the system's own defaults (and whatever the command line gave). */
    static final String DEFAULT_SAFETY = "default";

    @Option(names = "--test-count", defaultValue = "1", description = "seeds per combination (default ${DEFAULT-VALUE})")
    int testCount;

    /** The system's own options, as in {@code faultline test}. */
    @CommandLine.Unmatched
    List<String> systemArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One cell of the table. */
    record Row(String workload, String nemesis, String safety, List<String> verdicts) {
    }

    @Override
    public Integer call() {
        if (testCount < 1) throw new BadInputException("--test-count must be >= 1, was " + testCount);
        PrintWriter out = spec.commandLine().getOut();
        long baseSeed = options.seed != null ? options.seed : 1;
        List<String> settings = safety != null ? safety : defaultSafety(SystemArgs.system(options.system));
        Map<String, Row> rows = new LinkedHashMap<>();
        Validity worst = Validity.TRUE;
        for (String workload : workloads) {
            for (String nemesis : nemeses) {
                for (String pair : settings) {
                    List<String> setting = safetySetting(pair);
                    Row row = new Row(workload, nemesis, pair, new ArrayList<>());
                    rows.put(workload + nemesis + pair, row);
                    for (int i = 0; i < testCount; i++) {
                        options.workload = workload;
                        options.nemesis = List.of(nemesis.split(","));
                        options.seed = baseSeed + i;
                        List<String> system = new ArrayList<>(systemArgs);
                        system.addAll(setting);
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

    /** Redis-zk's two settings when the system has its options (and they are the ones set), else the system's own. */
    private List<String> defaultSafety(TestSystem system) {
        List<String> names = system.options().stream().map(SystemOption::name).toList();
        boolean zkPairs = safetyOptions.equals(List.of("replication", "on-lease-loss")) && names.containsAll(safetyOptions);
        return zkPairs ? List.of("async/keep", "sync/demote") : List.of(DEFAULT_SAFETY);
    }

    /** {@code sync/demote} → {@code --replication sync --on-lease-loss demote}; {@code default} → nothing. */
    List<String> safetySetting(String setting) {
        if (setting.equals(DEFAULT_SAFETY)) return List.of();
        String[] values = setting.split("/");
        if (values.length != safetyOptions.size()) {
            throw new BadInputException("--safety takes " + String.join("/", safetyOptions) + " values (--safety-options), such as "
                    + (safetyOptions.size() == 2 ? "sync/demote" : "one value per option") + ", was '" + setting + "'");
        }
        List<String> args = new ArrayList<>();
        for (int i = 0; i < values.length; i++) args.addAll(List.of("--" + safetyOptions.get(i), values[i]));
        return args;
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
