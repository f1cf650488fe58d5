package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.results.codec.ResultCodec;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes a {@link ReportModel} from a {@link ReportInput}. Stateless; time and memory linear in the history. */
public final class ReportModelBuilder {

    /** At most this many checker verdicts are listed in the summary (per-key results can be many). */
    static final int VERDICT_LIMIT = 200;

    private ReportModelBuilder() {
    }

    public static ReportModel build(ReportInput input) {
        History history = input.history();
        HistoryClock clock = HistoryClock.of(history);
        JsonNode results = ResultCodec.toJson(input.result());
        List<FaultInterval> faults = FaultIntervals.of(history, clock, FaultVocabulary.from(input.spec()));
        List<ReportModel.CheckerVerdict> verdicts = ResultTree.verdicts(results);
        if (verdicts.size() > VERDICT_LIMIT) verdicts = new ArrayList<>(verdicts.subList(0, VERDICT_LIMIT));
        ReportModel.Summary summary = new ReportModel.Summary(input.testName(),
                DateTimeFormatter.ISO_INSTANT.format(input.start().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), ResultTree.verdict(results),
                input.result().explanation(), ResultCodec.valueToJson(input.spec()), seed(input.spec()),
                RerunCommand.of(input.spec()), clock.synthetic(), ShrunkFrom.of(input.spec(), input.dir()));
        return new ReportModel(summary, figures(history, clock), verdicts, results, faults,
                Plots.latency(history, clock), Plots.throughput(history, clock),
                Counterexamples.find(results, history, clock, faults), LostWrites.find(results, history, clock, faults),
                ShrunkCounterexampleView.of(input.shrunk(), clock), TimelineData.of(history, clock));
    }

    private static String seed(Map<String, Object> spec) {
        Object seed = spec.get("seed");
        return seed == null ? "" : String.valueOf(seed);
    }

    static ReportModel.Figures figures(History history, HistoryClock clock) {
        long ok = 0;
        long fail = 0;
        long info = 0;
        long nemesis = 0;
        Set<Integer> processes = new HashSet<>();
        long[] latencies = new long[Math.max(16, history.size() / 2)];
        int n = 0;
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.isNemesis()) {
                nemesis++;
                continue;
            }
            processes.add(op.process());
            if (!op.isInvoke()) continue;
            Op done = history.completionOf(i);
            if (done == null || done.isInfo()) {
                info++;
            } else if (done.isFail()) {
                fail++;
            } else {
                ok++;
                if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
                latencies[n++] = clock.nanos(done) - clock.nanos(op);
            }
        }
        Arrays.sort(latencies, 0, n);
        double seconds = HistoryClock.seconds(clock.end());
        return new ReportModel.Figures(history.size(), ok, fail, info, nemesis, processes.size(), seconds,
                seconds > 0 ? ok / seconds : 0, percentile(latencies, n, 0.50), percentile(latencies, n, 0.99),
                n == 0 ? 0 : latencies[n - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int n, double q) {
        if (n == 0) return 0;
        int k = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
        return sorted[k] / 1e6;
    }
}
