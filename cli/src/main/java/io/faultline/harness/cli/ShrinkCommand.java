package io.faultline.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.checker.Result;
import io.faultline.core.history.HistoryReader;
import io.faultline.harness.plan.PlannedTest;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestPlan;
import io.faultline.harness.runner.Runner;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.harness.runner.TestSpec;
import io.faultline.harness.schedule.ExecutedFaults;
import io.faultline.harness.schedule.FaultScheduleCodec;
import io.faultline.harness.schedule.ScheduledFault;
import io.faultline.harness.shrink.AnomalyKinds;
import io.faultline.harness.shrink.Candidate;
import io.faultline.workloads.Workloads;
import io.faultline.harness.shrink.ShrinkSearch;
import io.faultline.results.store.RunDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline shrink RUN_DIR}: from an invalid run, searches for a smaller test still invalid with
 * the same anomaly kind ({@link ShrinkSearch}), running each candidate as a real test in this JVM through
 * the same {@link TestPlan} and {@link Runner} as {@code faultline test} (in-process: no JVM start per try,
 * and the runner already tears its cluster down at the end of each run and on {@link Runner#stop()}).
 * Candidate runs are stored under {@code RUN_DIR/shrink/runs}. Writes {@code RUN_DIR/shrink/}: {@code shrink.json}
 * (every candidate and its verdicts), {@code faults.edn} (the minimal schedule), {@code RegressionIT.java},
 * and for a non-linearizable key {@code counterexample.edn}. Exit 1 when a failing test was found (the
 * original at worst), 254 for a directory that is not a run, or a run that is not invalid.
 */
@Command(name = "shrink", mixinStandardHelpOptions = true,
        description = "Shrinks an invalid run to the smallest test that still fails the same way: fewer and shorter faults, "
                + "a shorter time limit, fewer clients, a lower rate; writes a regression test.")
final class ShrinkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "an invalid run directory (store/<test>/<time>)")
    Path run;

    @Option(names = "--tries", defaultValue = "3", description = "runs per candidate; it fails when one does (default ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--budget", defaultValue = "15m", description = "how long the search may take: 90s, 10m, 1h (default ${DEFAULT-VALUE})")
    String budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, Result> failingResults = new ConcurrentHashMap<>();
    private volatile Runner current;

    @Override
    public Integer call() throws Exception {
        long budgetMillis = millis(budget);
        if (tries < 1) throw new BadInputException("--tries must be >= 1, was " + tries);
        OriginalRun original = OriginalRun.open(run);
        Path out = run.resolve("shrink");
        Files.createDirectories(out);
        PrintWriter text = spec.commandLine().getOut();
        PrintStream err = System.err;
        TestOptions base = original.options().storedAs(out.resolve("runs"), original.options().effectiveName() + "-shrink", List.of());
        // the keys the original ran with: its --keys, else the workload's own count (0: it has none to shrink)
        int keys = base.keys() > 0 ? base.keys() : Workloads.defaultKeys(base.workload());
        Candidate start = new Candidate(original.schedule(), base.timeLimit().toMillis(), original.concurrency(), base.rate(), keys);
        err.println("faultline: shrinking " + run + ": " + String.join(", ", original.kinds()) + "; from " + start.describe()
                + "; budget " + budget + ", " + tries + " tries per candidate");
        long t0 = System.currentTimeMillis();
        ShrinkSearch search = new ShrinkSearch(c -> tryOnce(original, base, c, out), new HashSet<>(original.kinds()),
                tries, budgetMillis, System::currentTimeMillis, (step, best, runs, elapsed) -> err.println(
                        "[shrink " + clock(elapsed) + "/" + budget + "] candidate " + step.number() + " (" + step.phase() + "): "
                                + step.candidate().describe() + " -> " + (step.verdict().failed() ? "fails " : "passes ")
                                + step.verdict().reproduced() + " | runs " + runs + " | best: " + best.describe()));
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("\nfaultline: interrupted; stopping the run in progress, then writing the best found so far...");
            search.stop();
            Runner r = current;
            if (r != null) r.stop();
            try {
                done.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "faultline-shrink-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ShrinkSearch.Outcome outcome = search.search(start);
            ShrinkOutput.write(run, out, original, base, outcome, tries, failingResults, text);
            return 1;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: let it finish
            }
            err.println("faultline: shrink took " + clock(System.currentTimeMillis() - t0));
        }
    }

    /**
     * One real run of a candidate, its log appended to {@code out/runs.log}. Its {@code test.json} gets a
     * {@code faultline test} command line with the candidate's settings, whose {@code --faults} the runner points
     * at the run's own executed schedule: the run's report reruns it, and it can be shrunk again.
     */
    private ShrinkSearch.TryResult tryOnce(OriginalRun original, TestOptions base, Candidate c, Path out) throws IOException {
        TestOptions o = ShrinkOutput.options(base, c);
        Path logFile = out.resolve("runs.log");
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND), true);
             PlannedTest planned = TestPlan.plan(o)) {
            TestSpec s = planned.spec();
            Map<String, Object> desc = new LinkedHashMap<>(s.spec());
            desc.put("shrunk-from", run.toAbsolutePath().toString());
            desc.put("command-line", ShrinkOutput.rerunLine(original, c, Path.of(FaultScheduleCodec.FILE)));
            TestSpec linked = new TestSpec(s.name(), s.db(), s.client(), s.nemesis(), s.generator(), s.checker(), s.concurrency(),
                    s.seed(), s.timeLimit(), s.store(), desc);
            Runner runner = Runner.of(linked, log);
            current = runner;
            TestOutcome outcome = runner.run();
            current = null;
            Map<String, Object> results = new ObjectMapper().readValue(outcome.runDirectory().resolve(RunDirectory.RESULTS_JSON).toFile(),
                    Map.class);
            List<String> kinds = AnomalyKinds.of(results);
            if (!kinds.isEmpty()) failingResults.put(outcome.runDirectory().toString(), outcome.result());
            System.err.println("  run " + outcome.runDirectory().getFileName() + ": "
                    + (kinds.isEmpty() ? "valid" : String.join(", ", kinds)));
            return new ShrinkSearch.TryResult(kinds, outcome.runDirectory().toString());
        }
    }

    static long millis(String text) {
        try {
            return FaultScheduleCodec.millis(text.matches("\\s*\\d+(\\.\\d+)?\\s*") ? text.strip() + "s" : text, "--budget");
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--budget must be a duration like 90s, 10m or 1h, was '" + text + "'");
        }
    }

    static String clock(long millis) {
        long s = millis / 1000;
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }

    /**
     * What {@code shrink} needs of the original run: its options (from its rerun line), seed, client threads,
     * executed schedule and anomaly kinds.
     */
    record OriginalRun(Path dir, TestOptions options, int concurrency, List<ScheduledFault> schedule, List<String> kinds,
                       Map<String, Object> testJson) {

        @SuppressWarnings("unchecked")
        static OriginalRun open(Path dir) {
            if (!Files.isRegularFile(dir.resolve(RunDirectory.TEST_SPEC)) || !Files.isRegularFile(dir.resolve(RunDirectory.HISTORY))) {
                throw new BadInputException(dir + " is not a run directory (it needs " + RunDirectory.TEST_SPEC + " and "
                        + RunDirectory.HISTORY + "): give store/<test>/<time> of an invalid run");
            }
            if (!Files.isRegularFile(dir.resolve(RunDirectory.RESULTS_JSON))) {
                throw new BadInputException(dir + " has no " + RunDirectory.RESULTS_JSON + ": check it first with 'faultline analyze " + dir + "'");
            }
            Map<String, Object> results;
            Map<String, Object> testJson;
            try {
                ObjectMapper json = new ObjectMapper();
                results = json.readValue(dir.resolve(RunDirectory.RESULTS_JSON).toFile(), Map.class);
                testJson = json.readValue(dir.resolve(RunDirectory.TEST_SPEC).toFile(), Map.class);
            } catch (IOException e) {
                throw new BadInputException(dir + ": cannot read its results or test.json (" + e.getMessage() + ")");
            }
            List<String> kinds = AnomalyKinds.of(results);
            if (kinds.isEmpty()) {
                throw new BadInputException(dir + " is " + (Boolean.TRUE.equals(results.get("valid")) ? "valid" : "not invalid (verdict "
                        + results.get("valid") + ")") + ": nothing to shrink; give an invalid run");
            }
            if (!(testJson.get("command-line") instanceof List<?> argv) || argv.size() < 2 || !"test".equals(argv.get(1))) {
                throw new BadInputException(dir + " was not run by 'faultline test' (its test.json has no such command line): "
                        + "shrink needs one to replay it");
            }
            TestCommand cmd = new TestCommand();
            List<String> args = new ArrayList<>();
            for (Object a : argv.subList(2, argv.size())) args.add(String.valueOf(a));
            new CommandLine(cmd).parseArgs(args.toArray(String[]::new));
            TestOptions o = cmd.options.toOptions(cmd.systemArgs, Map.of(), List.of());
            if (testJson.get("seed") instanceof Number seed) o = o.withSeed(seed.longValue());
            int concurrency = testJson.get("concurrency") instanceof Number c ? c.intValue() : Math.max(1, o.concurrency());
            List<ScheduledFault> schedule;
            Path faults = dir.resolve(FaultScheduleCodec.FILE);
            if (Files.isRegularFile(faults)) {
                schedule = FaultScheduleCodec.read(faults);
            } else {
                Object vocabulary = testJson.get("faults");
                schedule = ExecutedFaults.of(HistoryReader.read(dir.resolve(RunDirectory.HISTORY)),
                        vocabulary instanceof List<?> v ? (List<Map<String, Object>>) v : List.of()).faults();
            }
            if (schedule.isEmpty()) {
                throw new BadInputException(dir + " executed no faults: shrink cuts a fault schedule down; there is none");
            }
            return new OriginalRun(dir, o, concurrency, schedule, kinds, testJson);
        }
    }
}
