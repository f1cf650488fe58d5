package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.any;
import static io.faultline.core.generator.Generators.clients;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.phases;
import static io.faultline.core.generator.Generators.repeat;
import static io.faultline.core.generator.Generators.stagger;
import static io.faultline.core.generator.Generators.timeLimit;
import static io.faultline.core.generator.Sim.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final List<FaultKind> KINDS = List.of(
            FaultKind.partition("majority"), FaultKind.partition("isolate-primaries"),
            FaultKind.kill("n1"), FaultKind.pause(List.of("n2", "n3")));

    private static final LatencyModel INSTANT = LatencyModel.fixed(Duration.ZERO);

    private static List<Op> nemesisInvocations(List<Op> history) {
        return history.stream().filter(o -> o.isInvoke() && o.isNemesis()).toList();
    }

    private static List<String> faults(List<Op> history) {
        return nemesisInvocations(history).stream().map(o -> o.f() + " " + o.value()).toList();
    }

    @Test
    void itStartsAFaultEveryOtherIntervalAndStopsItOneIntervalLater() {
        Generator g = timeLimit(Duration.ofSeconds(65), any(
                clients(stagger(Duration.ofMillis(100), repeat(op("read", null)))),
                FaultSchedule.of(KINDS, Duration.ofSeconds(10))));
        List<Op> ops = nemesisInvocations(Simulation.run(g, 3, 8, INSTANT, 100_000));
        assertThat(ops).extracting(Op::time)
                .containsExactly(seconds(10), seconds(20), seconds(30), seconds(40), seconds(50), seconds(60));
        for (int i = 0; i < ops.size(); i += 2) {
            Op start = ops.get(i);
            Op stop = ops.get(i + 1);
            FaultKind started = KINDS.stream()
                    .filter(k -> k.startF().equals(start.f()) && k.startValue().equals(start.value()))
                    .findFirst().orElseThrow();
            assertThat(stop.f()).isEqualTo(started.stopF());
            assertThat(stop.value()).isEqualTo(started.stopValue());
        }
    }

    @Test
    void intervalsCountFromTheCompletionOfTheNemesisOp() {
        LatencyModel slowNemesis = LatencyModel.fixed(Duration.ofSeconds(3));
        Generator g = Generators.limit(3, FaultSchedule.of(KINDS, Duration.ofSeconds(10)));
        assertThat(Sim.times(Simulation.run(g, 1, 1, slowNemesis, 100)))
                .containsExactly(seconds(10), seconds(23), seconds(36));
    }

    @Test
    void theSameSeedDrawsTheSameFaultsAndAnotherSeedOthers() {
        Generator g = timeLimit(Duration.ofSeconds(200), FaultSchedule.of(KINDS, Duration.ofSeconds(1)));
        List<String> a = faults(Simulation.run(g, 2, 77, INSTANT, 10_000));
        assertThat(a).hasSizeGreaterThan(90).isEqualTo(faults(Simulation.run(g, 2, 77, INSTANT, 10_000)));
        assertThat(a).isNotEqualTo(faults(Simulation.run(g, 2, 78, INSTANT, 10_000)));
        assertThat(a).contains("start-partition majority", "start-partition isolate-primaries", "kill n1",
                "pause [n2, n3]");
    }

    @Test
    void theFaultsDrawnDoNotDependOnWhatTheClientsDo() {
        FaultSchedule schedule = FaultSchedule.of(KINDS, Duration.ofSeconds(1));
        // The same place in the generator tree (the seed is forked along the path), no client ops.
        Generator alone = timeLimit(Duration.ofSeconds(60), any(clients(Generators.empty()), schedule));
        Generator busy = timeLimit(Duration.ofSeconds(60),
                any(clients(stagger(Duration.ofMillis(7), repeat(op("write", 1L)))), schedule));
        LatencyModel flaky = LatencyModel.uniform(Duration.ZERO, Duration.ofMillis(300)).withInfo(0.1);
        List<String> a = faults(Simulation.run(alone, 4, 5, flaky, 100_000));
        List<String> b = faults(Simulation.run(busy, 4, 5, flaky, 100_000));
        int n = Math.min(a.size(), b.size());
        assertThat(n).isGreaterThan(20);
        assertThat(b.subList(0, n)).isEqualTo(a.subList(0, n));
    }

    @Test
    void theFinalPhaseEndsEveryKindOfFaultOnce() {
        // The time limit counts from the first op, the first fault at 10 s: it ends at 15 s, mid-fault.
        Generator g = phases(timeLimit(Duration.ofSeconds(5), FaultSchedule.of(KINDS, Duration.ofSeconds(10))),
                FaultSchedule.finalPhase(KINDS));
        List<Op> ops = nemesisInvocations(Simulation.run(g, 2, 3, INSTANT, 100));
        assertThat(ops).as(faults(ops).toString()).hasSize(4);
        assertThat(faults(ops).subList(1, 4)).containsExactly("stop-partition null", "start n1", "resume [n2, n3]");
        assertThat(ops.get(1).time()).isEqualTo(seconds(15));
    }

    @Test
    void itNamesBadArguments() {
        assertThatThrownBy(() -> FaultSchedule.of(List.of())).hasMessage("enabled fault kinds must not be empty, was []");
        assertThatThrownBy(() -> FaultSchedule.of(KINDS, Duration.ofSeconds(-1)))
                .hasMessage("fault interval must be > 0, was PT-1S");
        assertThatThrownBy(() -> FaultKind.of("x", " ", null, null, null)).hasMessage("startF must not be blank, was \" \"");
        assertThat(FaultSchedule.of(KINDS).interval()).isEqualTo(Duration.ofSeconds(10));
    }
}
