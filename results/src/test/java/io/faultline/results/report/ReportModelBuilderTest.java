package io.faultline.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportModelBuilderTest {

    private static ReportModel build(History history, Result result, Map<String, Object> spec) {
        return ReportModelBuilder.build(ReportInput.of("t", Instant.EPOCH, spec, history, result));
    }

    @Test
    void findsEachLostElementsAcknowledgementAndTheFaultsInEffectThen() {
        History history = Histories.lostWrites();
        ReportModel model = build(history, Histories.setAndStats(history), Map.of());

        assertThat(model.lostWrites()).extracting(LostWrite::element).containsExactly("70", "71", "95");
        LostWrite first = model.lostWrites().get(0);
        assertThat(first.path()).isEqualTo("set / lost");
        assertThat(first.acked()).isEqualTo(0.705);
        assertThat(first.process()).isEqualTo(2);
        assertThat(first.faults()).containsExactly("start-partition {\"n1\" [\"n2\" \"n3\" \"n4\" \"n5\"]}");
    }

    @Test
    void matchesLostElementsGivenAsDataAsWellAsEdnText() {
        ReportModel model = build(Histories.lostWrites(), Histories.handMadeLostResult(), Map.of());

        assertThat(model.lostWrites()).extracting(LostWrite::acked).containsExactly(0.705, 0.715, 0.955);
    }

    @Test
    void drawsTheCheckersCounterexampleWithItsConcurrentOpsAndReachableStates() {
        History history = Histories.staleRead();

        ReportModel model = build(history, Histories.linearizability(history), Map.of());

        assertThat(model.counterexamples()).singleElement().satisfies(cex -> {
            assertThat(cex.path()).isEqualTo("linear / counterexample");
            assertThat(cex.model()).isEqualTo("register");
            assertThat(cex.op().process()).isEqualTo(1);
            assertThat(cex.op().text()).isEqualTo(":read 1");
            assertThat(cex.op().start()).isEqualTo(0.04);
            assertThat(cex.concurrent()).extracting(CounterexampleView.OpBar::process).contains(2L);
            assertThat(cex.reachable()).isNotEmpty();
            assertThat(cex.faults()).containsExactly("start-partition {\"n1\" [\"n2\" \"n3\"]}");
        });
        assertThat(model.checkers()).extracting(ReportModel.CheckerVerdict::path)
                .containsExactlyInAnyOrder("overall", "linear", "stats");
        assertThat(model.checkers().get(0).path()).isEqualTo("overall");
    }

    @Test
    void offersTheSpecsOwnCommandLineOrBuildsOneWithTheSeed() {
        History history = Histories.validRegister();

        assertThat(build(history, Result.valid("ok"), Map.of("command-line", List.of("./faultline", "test", "--seed", "9")))
                .summary().rerun()).isEqualTo("./faultline test --seed 9");
        String built = build(history, Result.valid("ok"), Map.of("seed", 9L)).summary().rerun();
        assertThat(built).isEqualTo("./faultline test --seed 9");
        assertThat(build(history, Result.valid("ok"), Map.of("workload", "it's")).summary().rerun())
                .isEqualTo("./faultline test --workload 'it'\\''s'");
    }

    @Test
    void countsOkFailAndInfoAndTheLatencyPercentiles() {
        ReportModel model = build(Histories.lostWrites(), Histories.handMadeLostResult(), Map.of());

        assertThat(model.figures().ok()).isEqualTo(195);
        assertThat(model.figures().info()).isEqualTo(6);
        assertThat(model.figures().p50Ms()).isEqualTo(5.0);
        assertThat(model.figures().seconds()).isEqualTo(2.11);
    }

    @Test
    void aShrunkRunLinksToTheOriginalsReportRelativeToItsOwnDirectory() {
        History history = Histories.validRegister();
        ReportModel model = ReportModelBuilder.build(ReportInput.of("t", Instant.EPOCH, Map.of("shrunk-from", "/s/set/1"), history,
                Result.valid("fine")).withDirectory(java.nio.file.Path.of("/s/set/1/shrink/runs/set-shrink/2")));

        assertThat(model.summary().shrunkFrom()).isEqualTo(new ShrunkFrom("/s/set/1", "../../../../report.html"));
    }

    @Test
    void anOrdinaryRunHasNoShrunkFromLinkNorShrunkCounterexample() {
        History history = Histories.validRegister();
        ReportModel model = build(history, Result.valid("fine"), Map.of());

        assertThat(model.summary().shrunkFrom()).isNull();
        assertThat(model.shrunkCounterexample()).isNull();
    }

    @Test
    void theShrunkCounterexamplesOpsBecomeBarsFromInvocationToCompletion() {
        History history = Histories.staleRead();
        List<io.faultline.core.op.Op> kept = history.stream().filter(o -> !o.isNemesis() && o.process() == 1).toList();
        ReportModel model = ReportModelBuilder.build(ReportInput.of("t", Instant.EPOCH, Map.of(), history,
                Histories.linearizability(history)).withShrunk(new ShrunkCounterexample("k", "register", kept, 12, false, "capped")));

        ShrunkCounterexampleView v = model.shrunkCounterexample();
        assertThat(v.operations()).hasSize(1);
        assertThat(v.operations().get(0).text()).isEqualTo(":read 1");
        assertThat(v.operations().get(0).type()).isEqualTo("ok");
        assertThat(v.ops()).isEqualTo(2);
        assertThat(v.minimal()).isFalse();
    }
}
