package io.faultline.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Result;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.op.Op;
import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.schedule.FaultScheduleCodec;
import io.faultline.harness.shrink.Candidate;
import io.faultline.harness.shrink.CounterexampleShrinker;
import io.faultline.harness.shrink.RegressionTest;
import io.faultline.harness.shrink.ShrinkSearch;
import io.faultline.results.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code faultline shrink} prints and writes under {@code RUN_DIR/shrink/} once the search is over. */
final class ShrinkOutput {

    /** Options {@code shrink} sets itself on the rerun line; the original's values of these are dropped. */
    private static final Set<String> SET_BY_SHRINK = Set.of("--time-limit", "--concurrency", "--keys", "--rate", "--seed", "--faults",
            "--nemesis", "--fault-interval", "--store", "--name");

    private ShrinkOutput() {
    }

    /** The base options with a candidate's schedule, time limit, clients, keys (when it has any) and rate. */
    static TestOptions options(TestOptions base, Candidate c) {
        TestOptions o = base.withSchedule(c.schedule()).withLoad(Duration.ofMillis(c.timeLimitMillis()), c.concurrency(), c.rate());
        return c.keys() > 0 ? o.withKeys(c.keys()) : o;
    }

    static void write(Path run, Path out, ShrinkCommand.OriginalRun original, TestOptions base, ShrinkSearch.Outcome outcome,
                      int tries, Map<String, Result> failing, PrintWriter text) throws IOException {
        Candidate best = outcome.best();
        TestOptions minimal = options(base, best);
        Path faults = out.resolve(FaultScheduleCodec.FILE);
        FaultScheduleCodec.write(faults, best.schedule(), null);
        List<String> rerun = rerunLine(original, best, faults);
        String reproduced = outcome.bestVerdict() == null ? "not checked" : outcome.bestVerdict().reproduced();
        Path regression = out.resolve(RegressionTest.CLASS + ".java");
        Files.writeString(regression, RegressionTest.source(minimal, run.toString(), reproduced, tries));
        String minimalRun = outcome.bestVerdict() == null ? null : firstFailing(outcome.bestVerdict().runs(), failing);
        Path counterexample = writeCounterexample(minimalRun != null ? Path.of(minimalRun) : run, failing.get(minimalRun), out);

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("original", run.toAbsolutePath().toString());
        record.put("anomaly-kinds", original.kinds());
        record.put("tries", tries);
        record.put("runs", outcome.runs());
        record.put("elapsed-ms", outcome.elapsedMillis());
        record.put("stopped", outcome.stopped());
        record.put("budget-spent", outcome.budgetSpent());
        record.put("from", describe(outcome.original()));
        record.put("minimal", describe(best));
        record.put("reproduced", reproduced);
        record.put("minimal-run", minimalRun);
        record.put("rerun", rerun);
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (ShrinkSearch.Step s : outcome.steps()) {
            Map<String, Object> c = describe(s.candidate());
            c.put("number", s.number());
            c.put("phase", s.phase());
            c.put("failed", s.verdict().failed());
            c.put("reproduced", s.verdict().reproduced());
            c.put("kinds", s.verdict().kinds());
            c.put("runs", s.verdict().runs());
            candidates.add(c);
        }
        record.put("candidates", candidates);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("shrink.json").toFile(), record);

        text.println("original: " + run + " (" + String.join(", ", original.kinds()) + "): " + outcome.original().describe());
        text.println("minimal:  " + best.describe() + (outcome.stopped() ? " (interrupted: the best so far)" : ""));
        text.println("reproduced: " + reproduced + (minimalRun == null ? "" : "; minimal run " + minimalRun));
        text.println("schedule: " + faults);
        text.println("rerun: " + String.join(" ", rerun));
        Result r = failing.get(minimalRun);
        if (r != null) {
            text.println("counterexample of the minimal run:");
            VerdictText.lines(r).forEach(l -> text.println("  " + l));
        }
        if (counterexample != null) {
            text.println("shrunk counterexample: " + counterexample + " (check: faultline analyze --model cas-register --independent "
                    + counterexample + ")");
        }
        text.println("regression test: " + regression);
        text.println("candidates: " + outcome.steps().size() + ", runs " + outcome.runs() + ", " + ShrinkCommand.clock(outcome.elapsedMillis())
                + (outcome.budgetSpent() ? " (budget spent)" : "") + ": " + out.resolve("shrink.json"));
        text.flush();
    }

    /**
     * For a non-linearizable key of {@code dir}'s run: the smallest part of its ops still not linearizable,
     * written as {@code counterexample.edn} in {@code out}; null when there is none.
     */
    static Path writeCounterexample(Path dir, Result known, Path out) throws IOException {
        String key = falseKey(known, dir);
        if (key == null) return null;
        List<Op> ops = CounterexampleShrinker.shrink(HistoryReader.read(dir.resolve(RunDirectory.HISTORY)), key,
                Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(30)));
        if (ops.isEmpty()) return null;
        Path file = out.resolve("counterexample.edn");
        StringBuilder sb = new StringBuilder(";; the smallest set of ops of key " + key + " of " + dir
                + " still not linearizable (cas-register, independent); " + ops.size() + " ops\n");
        for (Op op : ops) sb.append(EdnOps.toEdn(op)).append('\n');
        Files.writeString(file, sb.toString());
        return file;
    }

    @SuppressWarnings("unchecked")
    private static String falseKey(Result known, Path dir) throws IOException {
        Map<String, Object> results = new ObjectMapper().readValue(dir.resolve(RunDirectory.RESULTS_JSON).toFile(), Map.class);
        if (!(results.get("details") instanceof Map<?, ?> details)) return null;
        for (Object sub : details.values()) {
            if (sub instanceof Map<?, ?> m && m.get("details") instanceof Map<?, ?> d && d.get("false-keys") instanceof List<?> keys
                    && !keys.isEmpty()) {
                return String.valueOf(keys.get(0));
            }
        }
        return null;
    }

    private static String firstFailing(List<String> runs, Map<String, Result> failing) {
        return runs.stream().filter(failing::containsKey).findFirst().orElse(null);
    }

    /** The original's command line with a candidate's settings and its schedule in {@code faults}. */
    static List<String> rerunLine(ShrinkCommand.OriginalRun original, Candidate best, Path faults) {
        List<String> argv = new ArrayList<>();
        List<?> given = (List<?>) original.testJson().get("command-line");
        for (int i = 0; i < given.size(); i++) {
            String a = String.valueOf(given.get(i));
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (SET_BY_SHRINK.contains(name)) {
                if (!a.contains("=")) i++;
            } else {
                argv.add(a);
            }
        }
        argv.addAll(List.of("--time-limit", String.valueOf(best.timeLimitMillis() / 1000.0), "--concurrency",
                String.valueOf(best.concurrency())));
        if (best.keys() > 0) argv.addAll(List.of("--keys", String.valueOf(best.keys())));
        argv.addAll(List.of("--rate", String.valueOf(best.rate()), "--seed",
                String.valueOf(original.options().seed()), "--faults", faults.toString()));
        return argv;
    }

    private static Map<String, Object> describe(Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", c.describe());
        m.put("schedule", FaultScheduleCodec.toEdn(c.schedule(), null).strip());
        m.put("time-limit-ms", c.timeLimitMillis());
        m.put("concurrency", c.concurrency());
        if (c.keys() > 0) m.put("keys", c.keys());
        m.put("rate", c.rate());
        return m;
    }
}
