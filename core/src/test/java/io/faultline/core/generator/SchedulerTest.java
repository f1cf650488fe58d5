package io.faultline.core.generator;

import static io.faultline.core.generator.Generators.clients;
import static io.faultline.core.generator.Generators.delay;
import static io.faultline.core.generator.Generators.limit;
import static io.faultline.core.generator.Generators.op;
import static io.faultline.core.generator.Generators.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void itDispatchesAnOpDueNowAndCountsItInFlight() {
        Scheduler s = new Scheduler(op("read", null), 2, 1);
        Scheduler.Step step = s.next(100);
        assertThat(step).isInstanceOf(Scheduler.Dispatch.class);
        Scheduler.Dispatch d = (Scheduler.Dispatch) step;
        assertThat(d.op().time()).isEqualTo(100);
        assertThat(d.thread()).isEqualTo(d.op().process());
        assertThat(s.inFlightCount()).isEqualTo(1);
        assertThat(s.context().isFree(d.thread())).isFalse();
    }

    @Test
    void itWaitsForAnOpDueLaterAndForCompletionsWhenTheGeneratorIsExhausted() {
        Scheduler s = new Scheduler(limit(2, delay(Duration.ofSeconds(1), repeat(op("read", null)))), 2, 1);
        Op first = ((Scheduler.Dispatch) s.next(0)).op();
        assertThat(s.next(10)).isEqualTo(new Scheduler.Wait(1_000_000_000L));
        Op second = ((Scheduler.Dispatch) s.next(1_000_000_000L)).op();
        assertThat(s.next(1_000_000_001L)).isEqualTo(new Scheduler.Wait(Long.MAX_VALUE));
        s.complete(first.ok(null).withTime(1_000_000_002L));
        s.complete(second.fail("nope").withTime(1_000_000_003L));
        assertThat(s.next(1_000_000_004L)).isEqualTo(new Scheduler.Done());
    }

    @Test
    void anInfoCompletionRenewsTheProcessOfItsThread() {
        Scheduler s = new Scheduler(limit(2, repeat(op("write", 1L))), 1, 1);
        Op first = ((Scheduler.Dispatch) s.next(0)).op();
        s.complete(first.info("timeout").withTime(5));
        Op second = ((Scheduler.Dispatch) s.next(6)).op();
        assertThat(first.process()).isEqualTo(0);
        assertThat(second.process()).isEqualTo(1);
    }

    @Test
    void itRefusesACompletionOfNothingInFlightOrFromThePast() {
        Scheduler s = new Scheduler(op("read", null), 2, 1);
        assertThatThrownBy(() -> s.complete(Op.invoke(0, "read", null).ok(null).withTime(1)))
                .hasMessageContaining("must match an op in flight");
        Op read = ((Scheduler.Dispatch) s.next(50)).op();
        assertThatThrownBy(() -> s.complete(read.ok(null).withTime(10)))
                .hasMessageContaining("op time must be >= context time 50");
        assertThatThrownBy(() -> s.next(3)).hasMessage("now must be >= the last time seen 50, was 3");
    }

    @Test
    void itReportsAGeneratorThatCanNeverProceed() {
        Scheduler s = new Scheduler(clients(op(Op.invoke(Op.NEMESIS, "kill", "n1"))), 2, 1);
        assertThatThrownBy(() -> s.next(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can never proceed");
    }

    @Test
    void itReportsAGeneratorThatEmitsAnOpForABusyThread() {
        Generator rogue = ctx -> GenResult.emit(Op.invoke(0, "read", null).withTime(ctx.time()), Generators.empty());
        Scheduler s = new Scheduler(Generators.seq(rogue, rogue), 1, 1);
        s.next(0);
        assertThatThrownBy(() -> s.next(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thread 0 must be free");
    }

    @Test
    void logMessagesAreStepsOfTheirOwn() {
        Scheduler s = new Scheduler(Generators.log("hello"), 1, 1);
        assertThat(s.next(0)).isEqualTo(new Scheduler.Log("hello"));
        assertThat(s.next(0)).isEqualTo(new Scheduler.Done());
    }
}
