package io.faultline.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.history.History;
import io.faultline.core.op.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultIntervalsTest {

    @Test
    void pairsStartAndStopKillAndStartPauseAndResumeIntoPeriods() {
        History history = new Histories.Builder()
                .invoke(0, 0, "read", null).complete(3000, OpType.OK, 0, "read", 1L)
                .nemesis(100, 110, "start-partition", "halves")
                .nemesis(200, 205, "kill", List.of("n1"))
                .nemesis(300, 301, "pause", List.of("n2"))
                .nemesis(400, 420, "stop-partition", null)
                .nemesis(500, 550, "start", List.of("n1"))
                .nemesis(600, 601, "resume", List.of("n2"))
                .build();

        List<FaultInterval> faults = FaultIntervals.of(history, HistoryClock.of(history));

        assertThat(faults).extracting(FaultInterval::kind).containsExactly("partition", "kill", "pause");
        assertThat(faults.get(0)).isEqualTo(new FaultInterval("partition", "start-partition \"halves\"", 0.1, 0.42, false, 1));
        assertThat(faults.get(1).start()).isEqualTo(0.2);
        assertThat(faults.get(1).end()).isEqualTo(0.55);
        assertThat(faults.get(2).end()).isEqualTo(0.601);
    }

    @Test
    void leavesAFaultNeverEndedOpenUntilTheEndOfTheHistory() {
        History history = new Histories.Builder()
                .nemesis(100, 110, "start-partition", "majority")
                .invoke(0, 0, "read", null).complete(2000, OpType.OK, 0, "read", 1L)
                .build();

        FaultInterval fault = FaultIntervals.of(history, HistoryClock.of(history)).get(0);

        assertThat(fault.open()).isTrue();
        assertThat(fault.end()).isEqualTo(2.0);
    }

    @Test
    void healEndsEveryOpenFaultAndOtherNemesisOpsLastAsLongAsThemselves() {
        History history = new Histories.Builder()
                .nemesis(100, 110, "start-partition", "halves")
                .nemesis(150, 160, "pause", List.of("n3"))
                .nemesis(200, 230, "bump-clock", 500L)
                .nemesis(300, 310, "heal", null)
                .build();

        List<FaultInterval> faults = FaultIntervals.of(history, HistoryClock.of(history));

        assertThat(faults).extracting(FaultInterval::kind).containsExactly("partition", "pause", "bump-clock");
        assertThat(faults).extracting(FaultInterval::end).containsExactly(0.31, 0.31, 0.23);
        assertThat(FaultIntervals.activeAt(faults, 0.22)).hasSize(3);
        assertThat(FaultIntervals.activeAt(faults, 0.05)).isEmpty();
    }

    @Test
    void aRecordedVocabularyDecidesWhichOpsBeginAndEndWhichIntervalNotTheNames() {
        Map<String, Object> spec = Map.of("faults", List.of(
                Map.of("name", "partition", "start", "start-partition", "stop", "stop-partition", "interval", "partition"),
                Map.of("name", "crash", "start", "crash", "stop", "revive", "interval", "crash"),
                Map.of("name", "latency", "start", "start-slow", "stop", "stop-slow", "interval", "slow")));
        History history = new Histories.Builder()
                .nemesis(100, 110, "crash", List.of("n1"))
                .nemesis(200, 210, "start-slow", null)
                .nemesis(300, 320, "revive", List.of("n1"))
                .nemesis(400, 410, "start-other", null)
                .nemesis(500, 510, "stop-slow", null)
                .build();

        List<FaultInterval> faults = FaultIntervals.of(history, HistoryClock.of(history), FaultVocabulary.from(spec));

        assertThat(faults).extracting(FaultInterval::kind).containsExactly("crash", "slow", "start-other");
        assertThat(faults).extracting(FaultInterval::end).containsExactly(0.32, 0.51, 0.41);
        assertThat(faults).noneMatch(FaultInterval::open);
    }

    @Test
    void withoutARecordedVocabularyJepsensConventionsApply() {
        assertThat(FaultVocabulary.from(Map.of("workload", "register")).begins("start-partition")).contains("partition");
        assertThat(FaultVocabulary.from(Map.of()).ends("start", List.of("kill"))).contains("kill");
    }
}
