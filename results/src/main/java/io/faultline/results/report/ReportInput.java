package io.faultline.results.report;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a report is made of.
 *
 * @param testName the test's name; never null
 * @param start    when the run started; never null
 * @param spec     the test spec of {@code test.json} (may be empty; {@code "seed"} and {@code "command-line"} are shown)
 * @param history  the whole history, client and nemesis ops; never null
 * @param result   the combined checker result, sub-checkers as nested results in its details; never null
 * @param dir      the run's directory, to link to the run it was shrunk from ({@code "shrunk-from"} in the spec);
 *                 null when unknown
 * @param shrunk   the shrunk counterexample of an invalid key, drawn beside the counterexample; null when none
 */
public record ReportInput(String testName, Instant start, Map<String, Object> spec, History history, Result result,
                          Path dir, ShrunkCounterexample shrunk) {

    public ReportInput {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(result, "result");
        spec = spec == null ? Map.of() : spec;
    }

    public static ReportInput of(String testName, Instant start, Map<String, Object> spec, History history,
                                 Result result) {
        return new ReportInput(testName, start, spec, history, result, null, null);
    }

    /** This input with the run's directory. */
    public ReportInput withDirectory(Path runDirectory) {
        return new ReportInput(testName, start, spec, history, result, runDirectory, shrunk);
    }

    /** This input with a shrunk counterexample to draw (null: none). */
    public ReportInput withShrunk(ShrunkCounterexample counterexample) {
        return new ReportInput(testName, start, spec, history, result, dir, counterexample);
    }
}
