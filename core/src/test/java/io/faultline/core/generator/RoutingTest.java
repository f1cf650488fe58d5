package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.any;
import static io.faultline.core.generator.Generators.clients;
import static io.faultline.core.generator.Generators.delay;
import static io.faultline.core.generator.Generators.eachProcess;
import static io.faultline.core.generator.Generators.eachThread;
import static io.faultline.core.generator.Generators.fn;
import static io.faultline.core.generator.Generators.limit;
import static io.faultline.core.generator.Generators.nemesis;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.repeat;
import static io.faultline.core.generator.Generators.seq;
import static io.faultline.core.generator.Generators.sleep;
import static io.faultline.core.generator.Sim.fs;
import static io.faultline.core.generator.Sim.invocations;
import static io.faultline.core.generator.Sim.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final Generator READS = repeat(op("read", null));

    @Test
    void clientOpsGoToClientThreadsAndNemesisOpsToTheNemesisThread() {
        Generator g = Generators.clientsAndNemesis(limit(50, READS), limit(5, repeat(op("kill", "n1"))));
        List<Op> inv = invocations(Sim.run(g, 3));
        assertThat(inv).filteredOn(o -> o.f().equals("read")).allSatisfy(o -> assertThat(o.process()).isBetween(0, 2));
        assertThat(inv).filteredOn(o -> o.f().equals("kill")).hasSize(5)
                .allSatisfy(o -> assertThat(o.process()).isEqualTo(Op.NEMESIS));
    }

    @Test
    void aClientOpIsNeverGivenToTheNemesisEvenWhenItIsTheOnlyFreeThread() {
        List<Op> inv = invocations(Simulation.run(limit(10, READS), 1, 1, LatencyModel.fixed(Duration.ofSeconds(1)), 100));
        assertThat(inv).allSatisfy(o -> assertThat(o.process()).isEqualTo(0));
    }

    @Test
    void nemesisOpsWaitForTheNemesisThreadAndNeverRunConcurrently() {
        Generator g = nemesis(limit(4, repeat(op("pause", "n2"))));
        List<Long> ts = Sim.times(Simulation.run(g, 5, 1, LatencyModel.fixed(Duration.ofSeconds(1)), 100));
        assertThat(ts).containsExactly(0L, seconds(1), seconds(2), seconds(3));
    }

    @Test
    void anyTakesTheSoonestOpOfItsGenerators() {
        Generator slow = delay(Duration.ofSeconds(10), repeat(op("slow", null)));
        Generator fast = delay(Duration.ofSeconds(3), repeat(op("fast", null)));
        assertThat(fs(Sim.run(limit(7, any(slow, fast)), 4)))
                .containsExactly("slow", "fast", "fast", "fast", "fast", "slow", "fast");
    }

    @Test
    void anyKeepsASleepGoingWhileAnotherGeneratorWaitsForItsNextOp() {
        // The second sleep starts at 1 s, while the other generator's next op is due at 2 s.
        Generator afterSleep = seq(sleep(Duration.ofSeconds(1)), sleep(Duration.ofSeconds(5)), op("woke", null));
        Generator ticks = limit(10, delay(Duration.ofSeconds(2), READS));
        List<Op> inv = invocations(Sim.run(any(afterSleep, ticks), 3));
        assertThat(inv).filteredOn(o -> o.f().equals("woke")).singleElement()
                .satisfies(o -> assertThat(o.time()).isEqualTo(seconds(6)));
    }

    @Test
    void anyWakesForAGeneratorDueBeforeTheNextOpOfAnother() {
        Generator everyTenSeconds = limit(3, delay(Duration.ofSeconds(10), READS));
        Generator afterThree = seq(sleep(Duration.ofSeconds(3)), op("woke", null));
        assertThat(Sim.times(Sim.run(any(everyTenSeconds, afterThree), 2)))
                .containsExactly(0L, seconds(3), seconds(10), seconds(20));
    }

    @Test
    void eachThreadGivesEveryClientThreadItsOwnCopy() {
        List<Op> inv = invocations(Sim.run(eachThread(seq(op("a", null), op("b", null))), 4));
        assertThat(inv).hasSize(8);
        for (int p = 0; p < 4; p++) {
            int process = p;
            assertThat(inv).filteredOn(o -> o.process() == process).extracting(Op::f).containsExactly("a", "b");
        }
    }

    @Test
    void eachThreadCarriesOnAfterRenewalButEachProcessStartsOver() {
        LatencyModel allInfo = (op, random) -> new LatencyModel.Outcome(1000, OpType.INFO);
        Generator twoOps = seq(op("a", null), op("b", null));
        assertThat(fs(Simulation.run(eachThread(twoOps), 1, 1, allInfo, 100))).containsExactly("a", "b");
        List<Op> perProcess = invocations(Simulation.run(eachProcess(twoOps), 1, 1, allInfo, 6));
        assertThat(perProcess).extracting(Op::f).containsExactly("a", "a", "a", "a", "a", "a");
        assertThat(perProcess).extracting(Op::process).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void eachThreadCopiesDrawDifferentRandomValues() {
        Generator g = eachThread(limit(1, fn(c -> Op.invoke(0, "write", c.random().nextLong()))));
        assertThat(Sim.values(Sim.run(g, 8))).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void aProcessNeverInvokesAgainAfterAnInfoAndItsThreadContinuesAsProcessPlusConcurrency() {
        int concurrency = 4;
        LatencyModel flaky = LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(50)).withInfo(0.2);
        List<Op> h = Simulation.run(clients(READS).then(Generators.empty()), concurrency, 5, flaky, 2000);
        Set<Integer> retired = new HashSet<>();
        Map<Integer, Op> inFlight = new HashMap<>();
        Map<Integer, Integer> lastOfThread = new HashMap<>();
        int infos = 0;
        for (Op o : h) {
            assertThat(retired).as("retired processes").doesNotContain(o.process());
            if (o.isInvoke()) {
                assertThat(inFlight).as("one op in flight per process").doesNotContainKey(o.process());
                inFlight.put(o.process(), o);
                int thread = o.process() % concurrency;
                int previous = lastOfThread.getOrDefault(thread, thread);
                assertThat(o.process()).isIn(previous, previous + concurrency);
                lastOfThread.put(thread, o.process());
            } else {
                assertThat(inFlight.remove(o.process())).isNotNull();
                if (o.isInfo()) {
                    retired.add(o.process());
                    infos++;
                }
            }
        }
        assertThat(infos).isBetween(300, 500);
    }
}
