package io.faultline.workloads.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.core.generator.LatencyModel;
import io.faultline.core.generator.Simulation;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegisterWorkloadTest {

    private static List<Op> simulate(long seed) {
        return Simulation.run(io.faultline.core.generator.Generators.clients(RegisterWorkload.generator(20)), 4, seed,
                LatencyModel.fixed(Duration.ofMillis(1)), 400);
    }

    @Test
    void theSameSeedGivesTheSameOps() {
        assertThat(simulate(7)).isEqualTo(simulate(7));
        assertThat(simulate(7)).isNotEqualTo(simulate(8));
    }

    @Test
    void opsAreReadsWritesAndCasOnKeyValueTuplesWithSmallValues() {
        List<Op> invocations = simulate(3).stream().filter(Op::isInvoke).toList();
        assertThat(invocations).extracting(Op::f).containsOnly("read", "write", "cas");
        for (Op op : invocations) {
            List<?> tuple = (List<?>) op.value();
            assertThat(tuple).hasSize(2);
            if (op.f().equals("write")) assertThat((Long) tuple.get(1)).isBetween(0L, 4L);
            if (op.f().equals("cas")) assertThat((List<?>) tuple.get(1)).hasSize(2);
        }
    }

    @Test
    void keysMoveOnSoThatEachKeyHasFewOps() {
        List<Op> invocations = simulate(3).stream().filter(Op::isInvoke).toList();
        Set<Object> keys = invocations.stream().map(op -> ((List<?>) op.value()).get(0)).collect(Collectors.toSet());
        assertThat(keys.size()).isGreaterThanOrEqualTo(invocations.size() / 20);
        assertThat(invocations.stream().collect(Collectors.groupingBy(op -> ((List<?>) op.value()).get(0),
                Collectors.counting())).values()).allMatch(n -> n <= 20);
    }

    @Test
    void withOneKeyTheOpsUseOneKeyAtATime() {
        List<Op> invocations = Simulation.run(io.faultline.core.generator.Generators.clients(RegisterWorkload.generator(20, 1)), 4, 3,
                LatencyModel.fixed(Duration.ofMillis(1)), 400).stream().filter(Op::isInvoke).toList();
        List<Long> keys = invocations.stream().map(op -> (Long) ((List<?>) op.value()).get(0)).toList();
        assertThat(invocations).hasSizeGreaterThan(40);
        for (int i = 0; i < keys.size(); i++) assertThat(keys.get(i)).as("key of invocation %d", i).isEqualTo(i / 20L);
        // by default three keys are in use at once
        List<Op> three = simulate(3).stream().filter(Op::isInvoke).limit(20).toList();
        assertThat(three.stream().map(op -> ((List<?>) op.value()).get(0)).distinct().count()).isGreaterThan(1);
    }

    @Test
    void keysBelowOneAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegisterWorkload.generator(20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--keys must be >= 1, was 0");
    }

    @Test
    void theCheckerFindsAReadOfNilAfterAnAcknowledgedWrite() {
        History lost = History.of(List.of(
                Op.invoke(0, "write", List.of(1L, 3L)),
                Op.invoke(0, "write", List.of(1L, 3L)).ok(List.of(1L, 3L)),
                Op.invoke(1, "read", Arrays.asList(1L, null)),
                Op.invoke(1, "read", Arrays.asList(1L, null)).ok(Arrays.asList(1L, null))));
        assertThat(RegisterWorkload.checker(Duration.ofSeconds(10)).check(lost).valid()).isEqualTo(Validity.FALSE);
    }
}
