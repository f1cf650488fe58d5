package io.faultline.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

/** The column-wise history gives back every op as appended, and its sub-histories are views. */
class HistoryColumnsTest {

    private static final List<Object> VALUES = Arrays.asList(null, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 7,
            "s", Keyword.newKeyword("k"), 1.5, true, List.of(1L, 2L), Arrays.asList(3L, null),
            Arrays.asList(null, null), List.of("k", List.of(1L, 2L)), List.of(1L, 2L, 3L), Set.of(4L),
            Map.of(Keyword.newKeyword("x"), 1L), List.of(), List.of(7));

    @Test
    void everyKindOfValueComesBackEqualAndOfTheSameClassWhenNotATuple() {
        List<Op> ops = new ArrayList<>();
        int process = 0;
        for (Object v : VALUES) {
            ops.add(new Op(-1, process, OpType.INVOKE, process, "f" + (process % 3), v, null, Map.of()));
            ops.add(new Op(-1, process + 1, OpType.INFO, process, "f" + (process % 3), v, "timeout",
                    Map.of("node", "n1")));
            process++;
        }
        History h = History.of(ops);
        assertThat(h.asList()).containsExactlyElementsOf(ops.stream().map(op -> op.withIndex(ops.indexOf(op))).toList());
        for (int p = 0; p < h.size(); p++) {
            Object v = ops.get(p).value();
            if (v != null && !(v instanceof List<?> l && l.size() == 2)) {
                assertThat(h.value(p)).as("value %s", v).isInstanceOf(v.getClass());
            }
            assertThat(h.f(p)).isEqualTo(ops.get(p).f());
            assertThat(h.pairPosition(p)).isEqualTo(p % 2 == 0 ? p + 1 : p - 1);
        }
    }

    @Test
    void indicesThatAreNotPositionsAreKept() {
        History h = History.of(List.of(
                new Op(10, 1, OpType.INVOKE, 0, "read", null, null, Map.of()),
                new Op(-1, 2, OpType.OK, 0, "read", 3L, null, Map.of()),
                new Op(12, 3, OpType.INVOKE, 0, "read", null, null, Map.of())));
        assertThat(h.asList()).extracting(Op::index).containsExactly(10L, 1L, 12L);
    }

    @Test
    void perKeySubHistoriesAreViewsWithValuesUnwrapped() {
        History h = History.of(List.of(
                Op.invoke(0, "write", List.of(1L, 5L)),
                Op.invoke(1, "read", Arrays.asList("a", null)),
                Op.invoke(Op.NEMESIS, "start", null).info(null),
                Op.invoke(0, "write", null).ok(List.of(1L, 5L)),
                Op.invoke(1, "read", null).ok(9L),
                Op.invoke(2, "cas", Arrays.asList(null, List.of(1L, 2L)))));
        Map<Object, History> byKey = h.byKey();
        assertThat(byKey.keySet()).containsExactly(1L, "a", null);
        History a = byKey.get("a");
        assertThat(a.sharesColumnsWith(h)).isTrue();
        assertThat(a.asList()).extracting(Op::index).containsExactly(1L, 4L);
        assertThat(a.get(1).value()).isEqualTo(9L);
        assertThat(byKey.get(null).get(0).value()).isEqualTo(List.of(1L, 2L));
        assertThat(byKey.get(1L).completionOf(0).value()).isEqualTo(5L);
        assertThat(h.clientOps().size()).isEqualTo(5);
    }

    @Test
    void aKeyWhoseOpsDoNotPairUpIsNamed() {
        History h = History.of(List.of(
                Op.invoke(0, "write", List.of(1L, 5L)),
                Op.invoke(0, "write", null).ok(List.of(2L, 5L))));
        assertThatThrownBy(h::byKey).isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("key 2: op 1 (:ok :write by process 0) completes no invocation");
    }

    @Test
    void aBuilderMayGoOnAppendingAfterASnapshot() {
        HistoryBuilder b = new HistoryBuilder(1);
        b.append(Op.invoke(0, "read", null));
        History first = b.build("recorder");
        for (int i = 0; i < 100; i++) {
            b.append(new Op(-1, i, OpType.OK, 0, "read", (long) i, null, Map.of()));
            b.append(Op.invoke(0, "read", null));
        }
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.pairPosition(0)).isEqualTo(-1);
        assertThat(b.build("recorder").get(199).value()).isEqualTo(99L);
    }
}
