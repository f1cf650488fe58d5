package io.faultline.results.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything a report shows, computed from a {@link ReportInput} before any HTML is written: the page
 * renders this model and nothing else. All but {@link #timeline()} is embedded as one JSON block; the
 * timeline is embedded compressed.
 *
 * @param summary         test, verdict, spec, seed and the command that reruns it
 * @param figures         counts and latency figures of the history
 * @param checkers        each checker's verdict, depth-first from the overall one (at most {@link ReportModelBuilder#VERDICT_LIMIT})
 * @param results         the result tree as JSON, rendered generically where no special view applies
 * @param faults          fault periods from the nemesis ops
 * @param latency         downsampled latency points
 * @param throughput      completed ops per second
 * @param counterexamples linearizability counterexamples to draw
 * @param lostWrites      lost elements with their acknowledged writes
 * @param shrunkCounterexample the smallest set of an invalid key's ops still invalid, beside the counterexamples;
 *                        null when none was computed
 * @param timeline        every op as a timeline bar; not part of the JSON block
 */
public record ReportModel(Summary summary, Figures figures, List<CheckerVerdict> checkers, JsonNode results,
                          List<FaultInterval> faults, LatencyPlot latency, ThroughputPlot throughput,
                          List<CounterexampleView> counterexamples, List<LostWrite> lostWrites,
                          ShrunkCounterexampleView shrunkCounterexample, @JsonIgnore TimelineData timeline) {

    /**
     * @param test          the test name
     * @param start         the run's start, ISO-8601
     * @param verdict       the overall verdict: true, false or unknown
     * @param explanation   the overall explanation
     * @param spec          the test spec as JSON
     * @param seed          the seed, or "" when the spec has none
     * @param rerun         the command line that reruns the test
     * @param syntheticTime true when the history had no times and ops are spaced 1 ms apart by index
     * @param shrunkFrom    the run this one was shrunk from ({@code faultline shrink}); null for other runs
     */
    public record Summary(String test, String start, String verdict, String explanation, JsonNode spec, String seed,
                          String rerun, boolean syntheticTime, ShrunkFrom shrunkFrom) {
    }

    /**
     * @param ops       records in the history
     * @param ok        ok completions of client ops
     * @param fail      fail completions of client ops
     * @param info      info completions of client ops, plus client invocations never completed
     * @param nemesis   nemesis records
     * @param processes distinct client processes
     * @param seconds   the history's duration
     * @param okPerSecond ok completions per second over the whole run
     * @param p50Ms     median latency of ok ops, ms; 0 when there are none
     * @param p99Ms     99th percentile latency of ok ops, ms
     * @param maxMs     the greatest latency of ok ops, ms
     */
    public record Figures(long ops, long ok, long fail, long info, long nemesis, long processes, double seconds,
                          double okPerSecond, double p50Ms, double p99Ms, double maxMs) {
    }

    /**
     * @param path        the checker's place in the result tree, "overall" for the root
     * @param depth       0 for the root, 1 for its sub-checkers, ...
     * @param verdict     true, false or unknown
     * @param explanation the checker's explanation
     */
    public record CheckerVerdict(String path, int depth, String verdict, String explanation) {
    }
}
