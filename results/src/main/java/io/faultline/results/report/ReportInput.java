package io.faultline.results.report;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
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
 */
public record ReportInput(String testName, Instant start, Map<String, Object> spec, History history, Result result) {

    public ReportInput {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(result, "result");
        spec = spec == null ? Map.of() : spec;
    }

    public static ReportInput of(String testName, Instant start, Map<String, Object> spec, History history,
                                 Result result) {
        return new ReportInput(testName, start, spec, history, result);
    }
}
