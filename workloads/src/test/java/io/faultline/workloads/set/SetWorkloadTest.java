package io.faultline.workloads.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.core.generator.Generators;
import io.faultline.core.generator.LatencyModel;
import io.faultline.core.generator.Simulation;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetWorkloadTest {

    @Test
    void everyAddIsAUniqueElement() {
        List<Object> added = Simulation.run(Generators.clients(SetWorkload.generator()), 5, 1,
                        LatencyModel.fixed(Duration.ofMillis(1)), 300).stream()
                .filter(Op::isInvoke).map(Op::value).toList();
        assertThat(added).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void anAcknowledgedAddMissingFromTheFinalReadIsALostWrite() {
        History h = History.of(List.of(
                Op.invoke(0, "add", 1L), Op.invoke(0, "add", 1L).ok(1L),
                Op.invoke(0, "add", 2L), Op.invoke(0, "add", 2L).ok(2L),
                Op.invoke(1, "read", null), Op.invoke(1, "read", null).ok(List.of(1L))));
        var result = SetWorkload.checker().check(h);
        assertThat(result.valid()).isEqualTo(Validity.FALSE);
        assertThat(result.explanation()).contains("set: false");
    }
}
