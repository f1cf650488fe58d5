package io.faultline.results.store;

import io.faultline.core.checker.Validity;
import io.faultline.results.report.ReportModel;
import java.util.Map;

/**
 * What the index of runs shows about one run; stored as {@code summary.json} beside the report.
 *
 * @param test      the test name
 * @param time      the run directory's name, e.g. {@code 20240131T142501.042}
 * @param path      the run directory relative to the store root, e.g. {@code register/20240131T142501.042}
 * @param verdict   {@code true}, {@code false}, {@code unknown}, or {@code none} when no checker has answered yet
 * @param checkers  each checker's verdict by its path in the result tree
 * @param ops       history records; -1 when unknown
 * @param ok        ok completions; -1 when unknown
 * @param fail      fail completions; -1 when unknown
 * @param info      info completions (and invocations never completed); -1 when unknown
 * @param faults    fault periods the nemesis opened; -1 when unknown
 * @param seconds   the history's duration; -1 when unknown
 */
public record RunSummary(String test, String time, String path, String verdict, Map<String, String> checkers,
                         long ops, long ok, long fail, long info, long faults, double seconds) {

    public RunSummary {
        checkers = checkers == null ? Map.of() : Map.copyOf(checkers);
    }

    static RunSummary of(RunDirectory run, ReportModel model) {
        ReportModel.Figures f = model.figures();
        Map<String, String> checkers = new java.util.LinkedHashMap<>();
        model.checkers().forEach(c -> checkers.put(c.path(), c.verdict()));
        return new RunSummary(run.testName(), timeOf(run), relativePath(run), model.summary().verdict(), checkers,
                f.ops(), f.ok(), f.fail(), f.info(), model.faults().stream().filter(x -> x.end() > x.start()).count(),
                f.seconds());
    }

    static RunSummary withoutReport(RunDirectory run, Validity verdict) {
        return new RunSummary(run.testName(), timeOf(run), relativePath(run),
                verdict == null ? "none" : verdict.label(), Map.of(), -1, -1, -1, -1, -1, -1);
    }

    /** This summary with names and path taken from where the run directory is now. */
    RunSummary at(RunDirectory run) {
        return new RunSummary(run.testName(), timeOf(run), relativePath(run), verdict, checkers, ops, ok, fail, info,
                faults, seconds);
    }

    private static String timeOf(RunDirectory run) {
        return run.path().getFileName().toString();
    }

    private static String relativePath(RunDirectory run) {
        return run.testName() + "/" + timeOf(run);
    }
}
