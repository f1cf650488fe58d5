package io.faultline.harness.cli;

import io.faultline.checkers.compose.Checkers;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.harness.shrink.ShrunkCounterexamples;
import io.faultline.results.store.RunDirectory;
import io.faultline.workloads.Workloads;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code faultline analyze RUN_DIR}: re-checks a stored run with its workload's checkers (named in
 * its test.json), rewrites results.json/results.edn and refreshes report.html.
 */
final class RunReanalysis {

    private RunReanalysis() {
    }

    static int recheck(Path dir, Duration limit, PrintWriter out) {
        if (!Files.isRegularFile(dir.resolve(RunDirectory.HISTORY)) || !Files.isRegularFile(dir.resolve(RunDirectory.TEST_SPEC))) {
            throw new BadInputException(dir + " is not a run directory: it needs " + RunDirectory.HISTORY + " and "
                    + RunDirectory.TEST_SPEC + " (or give --model to check a history file)");
        }
        RunDirectory run = RunDirectory.open(dir);
        Map<String, Object> spec = run.readTestSpec();
        Object workload = spec.get("workload");
        if (!(workload instanceof String name)) {
            throw new BadInputException(dir.resolve(RunDirectory.TEST_SPEC) + " names no workload: give --model");
        }
        History history = HistoryReader.read(run.historyPath());
        Result result = Checkers.safely(Workloads.checker(name, limit), history);
        run.writeResults(result);
        Path report = run.writeReport(history, result,
                result.valid() == io.faultline.core.checker.Validity.FALSE ? ShrunkCounterexamples.of(result, history) : null);
        out.println("run: " + dir);
        out.println("report: " + report);
        VerdictText.lines(result).forEach(out::println);
        out.flush();
        return result.valid().exitCode();
    }
}
