package io.faultline.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutedFaultsTest {

    private static Op nemesis(long index, long ms, OpType type, String f, Object value) {
        return new Op(index, ms * 1_000_000, type, Op.NEMESIS, f, value, null, Map.of());
    }

    @Test
    void pairsEachStartWithTheNextStopInMillisSinceTheStart() {
        History h = History.of(List.of(
                nemesis(0, 4000, OpType.INVOKE, "start-partition", "primaries"),
                nemesis(1, 4100, OpType.INFO, "start-partition", Map.of("n1", List.of("n2"))),
                nemesis(2, 8100, OpType.INVOKE, "stop-partition", null),
                nemesis(3, 8200, OpType.INFO, "stop-partition", "network-healed")));

        ExecutedFaults executed = ExecutedFaults.of(h, List.of(Map.of("name", "partition", "start", "start-partition",
                "stop", "stop-partition")));

        assertThat(executed.faults()).containsExactly(new ScheduledFault(4000, "partition", "primaries", 4100));
        assertThat(executed.did()).containsExactly(Map.of("n1", List.of("n2")));
    }
}
