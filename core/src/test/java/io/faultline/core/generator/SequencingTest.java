package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.cycle;
import static io.faultline.core.generator.Generators.flipFlop;
import static io.faultline.core.generator.Generators.fn;
import static io.faultline.core.generator.Generators.limit;
import static io.faultline.core.generator.Generators.log;
import static io.faultline.core.generator.Generators.mix;
import static io.faultline.core.generator.Generators.once;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.repeat;
import static io.faultline.core.generator.Generators.seq;
import static io.faultline.core.generator.Generators.untilOk;
import static io.faultline.core.generator.Sim.fs;
import static io.faultline.core.generator.Sim.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SequencingTest {

    private final Context ctx = Context.initial(3, 7);

    @Test
    void anOpIsEmittedOnceFilledInWithTimeAndAFreeClientProcess() {
        GenResult r = op("read", null).op(ctx.withTime(55));
        assertThat(r).isInstanceOf(GenResult.Emit.class);
        Op read = ((GenResult.Emit) r).op();
        assertThat(read.type()).isEqualTo(OpType.INVOKE);
        assertThat(read.time()).isEqualTo(55);
        assertThat(read.process()).isBetween(0, 2);
        assertThat(((GenResult.Emit) r).next().op(ctx)).isEqualTo(GenResult.EXHAUSTED);
    }

    @Test
    void askingTheSameGeneratorTwiceWithTheSameContextGivesTheSameAnswer() {
        Generator g = mix(fn(c -> Op.invoke(0, "write", c.random().nextLong(1000))), op("read", null))
                .stagger(Duration.ofMillis(5));
        for (int i = 0; i < 20; i++) {
            GenResult a = g.op(ctx);
            assertThat(g.op(ctx)).isEqualTo(a);
            g = ((GenResult.Emit) a).next();
        }
    }

    @Test
    void seqRunsEachGeneratorInTurn() {
        assertThat(fs(Sim.run(seq(op("a", null), limit(2, repeat(op("b", null))), op("c", null)), 2)))
                .containsExactly("a", "b", "b", "c");
    }

    @Test
    void limitAndOnceStopAfterSoManyOps() {
        assertThat(fs(Sim.run(limit(5, repeat(op("r", null))), 2))).hasSize(5);
        assertThat(fs(Sim.run(once(repeat(op("r", null))), 2))).hasSize(1);
        assertThat(fs(Sim.run(limit(0, repeat(op("r", null))), 2))).isEmpty();
    }

    @Test
    void repeatEmitsTheFirstOpOfItsGeneratorAgainAndAgain() {
        assertThat(fs(Sim.run(repeat(3, seq(op("a", null), op("b", null))), 2))).containsExactly("a", "a", "a");
    }

    @Test
    void cycleRunsAllOfItsGeneratorAgain() {
        assertThat(fs(Sim.run(cycle(3, seq(op("a", null), op("b", null))), 2)))
                .containsExactly("a", "b", "a", "b", "a", "b");
        assertThat(fs(Sim.run(limit(5, cycle(op("x", null))), 2))).hasSize(5);
        assertThat(fs(Sim.run(cycle(Generators.empty()), 2))).isEmpty();
    }

    @Test
    void flipFlopAlternatesBetweenTwoGenerators() {
        Generator starts = repeat(op("start", null));
        Generator stops = repeat(op("stop", null));
        assertThat(fs(Sim.run(limit(5, flipFlop(starts, stops)), 1)))
                .containsExactly("start", "stop", "start", "stop", "start");
        assertThat(fs(Sim.run(flipFlop(repeat(op("a", null)), op("b", null)), 1))).containsExactly("a", "b", "a");
    }

    @Test
    void aFunctionGetsAFreshRandomSourceForEveryOpAndEndsWhenItReturnsNull() {
        List<Object> vs = values(Sim.run(limit(50, fn(c -> Op.invoke(0, "write", c.random().nextLong(1_000_000)))), 3));
        assertThat(vs).hasSize(50).doesNotHaveDuplicates();
        assertThat(fs(Sim.run(fn(c -> null), 3))).isEmpty();
    }

    @Test
    void mixChoosesEveryChildAboutEquallyOften() {
        Generator g = limit(3000, mix(repeat(op("a", null)), repeat(op("b", null)), repeat(op("c", null))));
        Map<String, Long> counts = fs(Sim.run(g, 5)).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(900L, 1100L));
    }

    @Test
    void mixCarriesOnWithTheOthersWhenOneEnds() {
        assertThat(fs(Sim.run(mix(op("once", null), limit(4, repeat(op("many", null)))), 2)))
                .hasSize(5).containsOnlyOnce("once");
    }

    @Test
    void untilOkStopsOnceAnOpCompletesOk() {
        LatencyModel failBelow3 = (op, random) -> new LatencyModel.Outcome(1000,
                ((Long) op.value()) < 3 ? OpType.FAIL : OpType.OK);
        Generator g = untilOk(fn(c -> Op.invoke(0, "acquire", c.invocations())));
        List<Op> h = Simulation.run(g, 1, 1, failBelow3, 1000);
        assertThat(values(h)).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void logMessagesGoToTheTraceAndNotToTheHistory() {
        Simulation.Trace t = Simulation.trace(seq(log("phase one"), op("a", null)), 2, 1, Sim.TEN_MS, 100);
        assertThat(t.logs()).containsExactly("0 phase one");
        assertThat(fs(t.history())).containsExactly("a");
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> limit(-1, op("a", null))).hasMessage("limit must be >= 0, was -1");
        assertThatThrownBy(() -> repeat(-2, op("a", null))).hasMessage("times must be >= 0, was -2");
        assertThatThrownBy(() -> Generators.rate(-1, op("a", null))).hasMessage("rate must be > 0 and finite, was -1.0");
        assertThatThrownBy(() -> Generators.stagger(Duration.ZERO, op("a", null)))
                .hasMessage("mean interval must be > 0, was PT0S");
    }
}
