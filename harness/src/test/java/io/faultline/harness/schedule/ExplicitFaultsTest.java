package io.faultline.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.generator.Context;
import io.faultline.core.generator.GenResult;
import io.faultline.core.generator.Generator;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator of an explicit schedule, driven by hand on a fake clock (contexts at chosen times). */
class ExplicitFaultsTest {

    private static final long S = 1_000_000_000L;

    private static ExplicitFaults.Timed at(long nanos, String f) {
        return new ExplicitFaults.Timed(nanos, Op.invoke(Op.NEMESIS, f, "primaries"));
    }

    private static final Context START = Context.initial(2, 1);

    private static GenResult.Emit emitted(GenResult r) {
        assertThat(r).isInstanceOf(GenResult.Emit.class);
        return (GenResult.Emit) r;
    }

    @Test
    void nothingGoesOutBeforeTheFirstOpIsDueAndItAsksToBeWokenThen() {
        GenResult r = ExplicitFaults.of(List.of(at(2 * S, "start-partition"), at(5 * S, "stop-partition"))).op(START);

        assertThat(r).isInstanceOf(GenResult.Pending.class);
        assertThat(((GenResult.Pending) r).wakeAt()).isEqualTo(2 * S);
    }

    @Test
    void eachOpGoesOutOnTheNemesisThreadAtItsTimeInTimeOrder() {
        Generator gen = ExplicitFaults.of(List.of(at(5 * S, "stop-partition"), at(2 * S, "start-partition")));

        GenResult.Emit start = emitted(gen.op(START.withTime(2 * S)));
        Context afterStart = START.withTime(2 * S).invoked(start.op())
                .completed(new Op(-1, 2 * S + 1000, OpType.INFO, Op.NEMESIS, "start-partition", "primaries", null, Map.of()));
        GenResult waiting = start.next().op(afterStart.withTime(3 * S));
        GenResult.Emit stop = emitted(start.next().op(afterStart.withTime(5 * S)));

        assertThat(start.op().f()).isEqualTo("start-partition");
        assertThat(start.op().time()).isEqualTo(2 * S);
        assertThat(start.op().process()).isEqualTo(Op.NEMESIS);
        assertThat(waiting).isInstanceOf(GenResult.Pending.class);
        assertThat(((GenResult.Pending) waiting).wakeAt()).isEqualTo(5 * S);
        assertThat(stop.op().f()).isEqualTo("stop-partition");
        assertThat(stop.op().time()).isEqualTo(5 * S);
        assertThat(stop.next().op(afterStart.withTime(6 * S))).isEqualTo(GenResult.EXHAUSTED);
    }

    @Test
    void aBusyNemesisDelaysTheNextOpButNeverDropsIt() {
        Generator gen = ExplicitFaults.of(List.of(at(2 * S, "start-kill"), at(3 * S, "stop-kill")));
        GenResult.Emit start = emitted(gen.op(START.withTime(2 * S)));
        Context busy = START.withTime(2 * S).invoked(start.op());

        GenResult whileBusy = start.next().op(busy.withTime(4 * S));
        Context free = busy.completed(new Op(-1, 6 * S, OpType.INFO, Op.NEMESIS, "start-kill", "primaries", null, Map.of()));
        GenResult.Emit late = emitted(start.next().op(free));

        assertThat(whileBusy).isInstanceOf(GenResult.Pending.class);
        assertThat(late.op().f()).isEqualTo("stop-kill");
        assertThat(late.op().time()).isEqualTo(6 * S);
    }

    @Test
    void anEmptyScheduleIsExhaustedAtOnce() {
        assertThat(ExplicitFaults.of(List.of()).op(START)).isEqualTo(GenResult.EXHAUSTED);
    }
}
