package io.faultline.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.history.History;
import io.faultline.core.op.OpType;
import io.faultline.results.bench.SyntheticHistory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlotsTest {

    @Test
    void keepsEveryOpOfAShortHistoryAsAPoint() {
        History history = Histories.validRegister();

        LatencyPlot plot = Plots.latency(history, HistoryClock.of(history));

        assertThat(plot.shown()).isEqualTo(plot.total()).isEqualTo(200);
    }

    @Test
    void downsamplesALongHistoryButKeepsItsSlowestOp() {
        History history = SyntheticHistory.generate(60_000, 10, 3);
        HistoryClock clock = HistoryClock.of(history);
        double slowest = 0;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).isInvoke() && history.completionOf(i) != null) {
                slowest = Math.max(slowest, (history.completionOf(i).time() - history.get(i).time()) / 1e6);
            }
        }

        LatencyPlot plot = Plots.latency(history, clock);

        assertThat(plot.total()).isGreaterThan(25_000);
        assertThat(plot.shown()).isLessThanOrEqualTo(9L * 2 * Plots.LATENCY_BUCKETS);
        double shownSlowest = plot.series().stream().flatMapToDouble(s -> Arrays.stream(s.y())).max().orElse(0);
        assertThat(shownSlowest).isEqualTo(slowest);
    }

    @Test
    void countsCompletionsPerSecondPerFunctionAndType() {
        Histories.Builder b = new Histories.Builder();
        for (int i = 0; i < 300; i++) b.invoke(i * 10L, 0, "read", null).complete(i * 10L + 5, OpType.OK, 0, "read", 1L);
        History history = b.build();

        ThroughputPlot plot = Plots.throughput(history, HistoryClock.of(history));

        assertThat(plot.bucket()).isEqualTo(0.1);
        assertThat(plot.series()).singleElement().satisfies(s -> {
            assertThat(s.f()).isEqualTo("read");
            assertThat(s.rates()[10]).isEqualTo(100.0);
        });
    }
}
