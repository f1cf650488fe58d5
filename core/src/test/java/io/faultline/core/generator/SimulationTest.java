package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.any;
import static io.faultline.core.generator.Generators.clients;
import static io.faultline.core.generator.Generators.fn;
import static io.faultline.core.generator.Generators.mix;
import static io.faultline.core.generator.Generators.nemesis;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.repeat;
import static io.faultline.core.generator.Generators.stagger;
import static io.faultline.core.generator.Generators.timeLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final LatencyModel FLAKY =
            LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(200)).withInfo(0.05).withFail(0.1);

    private static Generator workload() {
        Generator writes = fn(c -> Op.invoke(0, "write", (long) c.random().nextInt(5)));
        Generator cas = fn(c -> Op.invoke(0, "cas", List.of((long) c.random().nextInt(5), (long) c.random().nextInt(5))));
        Generator clientOps = stagger(Duration.ofMillis(10), mix(writes, cas, repeat(op("read", null))));
        FaultSchedule faults = FaultSchedule.of(
                List.of(FaultKind.partition("majority"), FaultKind.kill("n1"), FaultKind.pause("n2")),
                Duration.ofSeconds(2));
        return timeLimit(Duration.ofSeconds(30), any(clients(clientOps), faults));
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        List<Op> a = Simulation.run(workload(), 5, 1234, FLAKY, 100_000);
        List<Op> b = Simulation.run(workload(), 5, 1234, FLAKY, 100_000);
        assertThat(a).hasSizeGreaterThan(1000).isEqualTo(b);
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        List<Op> a = Simulation.run(workload(), 5, 1234, FLAKY, 100_000);
        List<Op> b = Simulation.run(workload(), 5, 1235, FLAKY, 100_000);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void theHistoryIsWellFormed() {
        List<Op> h = Simulation.run(workload(), 5, 99, FLAKY, 100_000);
        Map<Integer, Op> open = new HashMap<>();
        long lastTime = 0;
        for (int i = 0; i < h.size(); i++) {
            Op o = h.get(i);
            assertThat(o.index()).isEqualTo(i);
            assertThat(o.time()).isGreaterThanOrEqualTo(lastTime);
            lastTime = o.time();
            if (o.isInvoke()) {
                assertThat(open.put(o.process(), o)).isNull();
            } else {
                Op inv = open.remove(o.process());
                assertThat(inv).isNotNull();
                assertThat(o.f()).isEqualTo(inv.f());
            }
        }
        assertThat(open).isEmpty();
        assertThat(h).filteredOn(Op::isNemesis).filteredOn(o -> !o.isInvoke()).allSatisfy(o -> assertThat(o.isInfo()).isTrue());
    }

    @Test
    void theLimitBoundsTheInvocationsAndTheOpsInFlightStillComplete() {
        List<Op> h = Simulation.run(repeat(op("read", null)), 3, 1, FLAKY, 10);
        assertThat(Sim.invocations(h)).hasSize(10);
        assertThat(h).hasSize(20);
    }

    @Test
    void aGeneratorThatCanNeverProceedIsReportedRatherThanWaitedForForever() {
        assertThatThrownBy(() -> Simulation.run(clients(nemesis(repeat(op("kill", null)))), 2, 1, FLAKY, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("can never proceed");
    }

    @Test
    void latencyModelsNameBadValues() {
        assertThatThrownBy(() -> LatencyModel.fixed(Duration.ofMillis(-1))).hasMessage("latency must be >= 0, was PT-0.001S");
        assertThatThrownBy(() -> FLAKY.withInfo(1.5)).hasMessage("info probability must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Simulation.run(op("a", null), 1, 1, FLAKY, -1)).hasMessage("limit must be >= 0, was -1");
    }
}
