package io.faultline.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.results.report.ShrunkCounterexample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shrunk counterexample a report draws, found from the result of an independent check. */
class ShrunkCounterexamplesTest {

    private static Op op(long i, OpType type, int process, String f, Object key, Object value) {
        return new Op(i, i * 1000, type, process, f, java.util.Arrays.asList(key, value), null, Map.of());
    }

    /** Key 9: writes of 1, 2, 3 acknowledged, then nil read; key 4 fine. */
    private static History history() {
        List<Op> ops = new ArrayList<>();
        long i = 0;
        for (long v = 1; v <= 3; v++) {
            ops.add(op(i++, OpType.INVOKE, 0, "write", 9L, v));
            ops.add(op(i++, OpType.OK, 0, "write", 9L, v));
            ops.add(op(i++, OpType.INVOKE, 1, "write", 4L, v));
            ops.add(op(i++, OpType.OK, 1, "write", 4L, v));
        }
        ops.add(op(i++, OpType.INVOKE, 2, "read", 9L, null));
        ops.add(op(i++, OpType.OK, 2, "read", 9L, null));
        return History.of(ops, "h");
    }

    private static Result checked(History h) {
        Result linear = Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(30)).check(h);
        return new Result(linear.valid(), "linear: false", Map.of("linear", linear));
    }

    @Test
    void theFirstInvalidKeyIsShrunkToOneWriteAndTheNilRead() {
        History h = history();

        ShrunkCounterexample s = ShrunkCounterexamples.of(checked(h), h, Duration.ofSeconds(30), System::nanoTime);

        assertThat(s).isNotNull();
        assertThat(s.key()).isEqualTo("9");
        assertThat(s.model()).isEqualTo("cas-register");
        assertThat(s.minimal()).isTrue();
        assertThat(s.from()).isEqualTo(8);
        assertThat(s.ops()).extracting(Op::f).containsExactly("write", "write", "read", "read");
        assertThat(s.ops().get(2).index()).as("original indices are kept").isEqualTo(12);
    }

    @Test
    void whenTheBudgetIsSpentItKeepsWhatItHasAndSaysItIsNotMinimal() {
        History h = history();
        AtomicLong clock = new AtomicLong();

        ShrunkCounterexample s = ShrunkCounterexamples.of(checked(h), h, Duration.ofSeconds(1),
                () -> clock.getAndAdd(2_000_000_000L));

        assertThat(s.minimal()).isFalse();
        assertThat(s.ops()).hasSize(8);
        assertThat(s.note()).contains("stopped after 1 s");
    }

    @Test
    void aValidResultHasNone() {
        History h = History.of(List.of(op(0, OpType.INVOKE, 0, "write", 1L, 1L), op(1, OpType.OK, 0, "write", 1L, 1L)), "h");

        assertThat(ShrunkCounterexamples.of(checked(h), h, Duration.ofSeconds(5), System::nanoTime)).isNull();
    }
}
