package io.faultline.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.Analysis;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterexampleShrinkerTest {

    private final List<Op> ops = new ArrayList<>();

    private void op(int process, OpType type, String f, long key, Object value) {
        ops.add(new Op(ops.size(), ops.size() * 1000L, type, process, f, java.util.Arrays.asList(key, value), null, Map.of()));
    }

    @Test
    void keepsOnlyTheOpsThatStillCannotBeLinearized() {
        for (long v = 1; v <= 20; v++) { // a busy, linearizable key 7, and other keys
            op(0, OpType.INVOKE, "write", 7, v);
            op(0, OpType.OK, "write", 7, v);
            op(1, OpType.INVOKE, "read", 7, null);
            op(1, OpType.OK, "read", 7, v);
            op(2, OpType.INVOKE, "write", 8, v);
            op(2, OpType.OK, "write", 8, v);
        }
        op(1, OpType.INVOKE, "read", 7, null); // a value that vanished: not linearizable
        op(1, OpType.OK, "read", 7, null);

        List<Op> shrunk = CounterexampleShrinker.shrink(History.of(ops), "7",
                Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(30)));

        assertThat(shrunk).hasSizeLessThanOrEqualTo(4);
        assertThat(shrunk).extracting(Op::index).containsExactly(0L, 1L, 2L, 3L);
        assertThat(shrunk).last().extracting(Op::value).isEqualTo(java.util.Arrays.asList(7L, null));
        assertThat(Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(30)).check(History.of(shrunk)).valid())
                .hasToString("FALSE");
    }
}
