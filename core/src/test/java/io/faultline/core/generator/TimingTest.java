package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.delay;
import static io.faultline.core.generator.Generators.limit;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.phases;
import static io.faultline.core.generator.Generators.repeat;
import static io.faultline.core.generator.Generators.seq;
import static io.faultline.core.generator.Generators.sleep;
import static io.faultline.core.generator.Generators.stagger;
import static io.faultline.core.generator.Generators.timeLimit;
import static io.faultline.core.generator.Sim.invocations;
import static io.faultline.core.generator.Sim.seconds;
import static io.faultline.core.generator.Sim.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final Generator READS = repeat(op("read", null));

    @Test
    void staggerOverOneHundredSimulatedSecondsGivesAboutTheExpectedNumberOfOps() {
        Generator g = timeLimit(Duration.ofSeconds(100), stagger(Duration.ofMillis(20), READS));
        List<Op> h = Simulation.run(g, 10, 3, LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(30)), 1_000_000);
        assertThat(invocations(h)).hasSizeBetween(4750, 5250);
    }

    @Test
    void staggerIntervalsAreRandomAndBelowTwiceTheMean() {
        List<Long> ts = times(Sim.run(limit(500, stagger(Duration.ofMillis(10), READS)), 50));
        long max = 0;
        long min = Long.MAX_VALUE;
        for (int i = 1; i < ts.size(); i++) {
            max = Math.max(max, ts.get(i) - ts.get(i - 1));
            min = Math.min(min, ts.get(i) - ts.get(i - 1));
        }
        assertThat(max).isLessThan(seconds(0.020)).isGreaterThan(seconds(0.015));
        assertThat(min).isLessThan(seconds(0.002));
    }

    @Test
    void rateIsStaggerAtSoManyOpsASecond() {
        Generator g = timeLimit(Duration.ofSeconds(10), Generators.rate(100, READS));
        assertThat(invocations(Sim.run(g, 10))).hasSizeBetween(900, 1100);
    }

    @Test
    void delaySpacesOpsByExactlyTheIntervalWhenThreadsAreFree() {
        assertThat(times(Sim.run(limit(4, delay(Duration.ofSeconds(1), READS)), 2)))
                .containsExactly(0L, seconds(1), seconds(2), seconds(3));
    }

    @Test
    void anOpWaitsForAFreeThreadWhenAllAreBusy() {
        List<Long> ts = times(Simulation.run(limit(3, READS), 1, 1, LatencyModel.fixed(Duration.ofSeconds(2)), 10));
        assertThat(ts).containsExactly(0L, seconds(2), seconds(4));
    }

    @Test
    void timeLimitCountsFromTheFirstOpAndEndsTheGenerator() {
        Generator g = seq(sleep(Duration.ofSeconds(5)),
                timeLimit(Duration.ofSeconds(10), delay(Duration.ofSeconds(1), READS)), op("after", null));
        List<Op> inv = invocations(Sim.run(g, 2));
        assertThat(inv.get(0).time()).isEqualTo(seconds(5));
        assertThat(inv).hasSize(11);
        assertThat(inv.get(9).time()).isEqualTo(seconds(14));
        assertThat(inv.get(10).f()).isEqualTo("after");
        assertThat(inv.get(10).time()).isEqualTo(seconds(15));
    }

    @Test
    void timeLimitEndsAtItsCutoffEvenWhenItsGeneratorWouldWaitForever() {
        Generator stuck = Generators.clients(seq(op("a", null), op(Op.invoke(Op.NEMESIS, "kill", null))));
        List<Op> inv = invocations(Sim.run(seq(timeLimit(Duration.ofSeconds(3), stuck), op("b", null)), 2));
        assertThat(inv).extracting(Op::f).containsExactly("a", "b");
        assertThat(inv.get(1).time()).isEqualTo(seconds(3));
    }

    @Test
    void sleepTakesNoThreadAndPostponesWhatFollows() {
        Generator g = seq(op("a", null), sleep(Duration.ofSeconds(30)), op("b", null));
        assertThat(times(Sim.run(g, 1))).containsExactly(0L, seconds(30));
    }

    @Test
    void phasesWaitForEveryOpOfAPhaseToCompleteBeforeTheNext() {
        LatencyModel slow = LatencyModel.uniform(Duration.ofMillis(10), Duration.ofSeconds(2));
        Generator g = phases(limit(20, READS), limit(20, repeat(op("write", 1L))), op("final-read", null));
        List<Op> h = Simulation.run(g, 5, 9, slow, 1000);
        long lastReadDone = h.stream().filter(o -> o.f().equals("read") && !o.isInvoke())
                .mapToLong(Op::time).max().orElseThrow();
        long firstWrite = h.stream().filter(o -> o.f().equals("write")).mapToLong(Op::time).min().orElseThrow();
        long lastWriteDone = h.stream().filter(o -> o.f().equals("write")).mapToLong(Op::time).max().orElseThrow();
        long finalRead = invocations(h).get(40).time();
        assertThat(firstWrite).isGreaterThanOrEqualTo(lastReadDone);
        assertThat(finalRead).isGreaterThanOrEqualTo(lastWriteDone);
        assertThat(invocations(h).get(40).f()).isEqualTo("final-read");
    }

    @Test
    void withoutPhasesASeqDoesNotWaitForCompletions() {
        LatencyModel slow = LatencyModel.fixed(Duration.ofSeconds(1));
        List<Op> h = Simulation.run(seq(op("a", null), op("b", null)), 2, 1, slow, 10);
        assertThat(times(h)).containsExactly(0L, 0L);
    }
}
