package io.faultline.core.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import org.junit.jupiter.api.Test;

class ContextTest {

    private final Context start = Context.initial(3, 42);

    @Test
    void theInitialContextHasEveryThreadFreeAndEachClientThreadIsItsOwnProcess() {
        assertThat(start.time()).isZero();
        assertThat(start.threads()).isEqualTo(Threads.of(-1, 0, 1, 2));
        assertThat(start.allFree()).isTrue();
        assertThat(start.freeProcesses()).containsExactly(Op.NEMESIS, 0, 1, 2);
    }

    @Test
    void anInvocationMakesItsThreadBusyAndACompletionFreesItAgain() {
        Op write = Op.invoke(1, "write", 3L).withTime(5);
        Context busy = start.invoked(write);
        assertThat(busy.isFree(1)).isFalse();
        assertThat(busy.busy()).isEqualTo(Threads.of(1));
        assertThat(busy.time()).isEqualTo(5);

        Context done = busy.completed(write.ok(3L).withTime(9));
        assertThat(done.isFree(1)).isTrue();
        assertThat(done.process(1)).isEqualTo(1);
    }

    @Test
    void anInfoCompletionRenewsTheClientProcessAsProcessPlusConcurrency() {
        Op write = Op.invoke(1, "write", 3L).withTime(5);
        Context afterInfo = start.invoked(write).completed(write.info("timeout").withTime(9));
        assertThat(afterInfo.process(1)).isEqualTo(4);
        assertThat(afterInfo.thread(4)).isEqualTo(1);
        assertThat(afterInfo.isCurrent(1)).isFalse();
        assertThat(afterInfo.renew(1).process(1)).isEqualTo(7);
    }

    @Test
    void theNemesisIsNeverRenewed() {
        Op kill = Op.invoke(Op.NEMESIS, "kill", "n1").withTime(1);
        Context after = start.invoked(kill).completed(kill.info(null).withTime(2));
        assertThat(after.process(Context.NEMESIS_THREAD)).isEqualTo(Op.NEMESIS);
        assertThat(after.isFree(Context.NEMESIS_THREAD)).isTrue();
    }

    @Test
    void fillInSpreadsClientOpsOverFreeClientThreadsAndSendsNemesisTemplatesToTheNemesis() {
        Op read = Op.invoke(0, "read", null);
        Op first = start.fillIn(read);
        Context next = start.invoked(first);
        Op second = next.fillIn(read);
        assertThat(first.process()).isNotEqualTo(second.process());
        assertThat(first.process()).isNotEqualTo(Op.NEMESIS);
        assertThat(start.fillIn(Op.invoke(Op.NEMESIS, "kill", "n1")).process()).isEqualTo(Op.NEMESIS);
        assertThat(start.nemesisOnly().fillIn(read).process()).isEqualTo(Op.NEMESIS);
    }

    @Test
    void fillInGivesNothingWhenNoSuitableThreadIsFree() {
        Context c = start;
        for (int t = 0; t < 3; t++) {
            c = c.invoked(c.fillIn(Op.invoke(0, "read", null)));
        }
        assertThat(c.fillIn(Op.invoke(0, "read", null))).isNull();
        assertThat(c.fillIn(Op.invoke(Op.NEMESIS, "kill", null))).isNotNull();
        assertThat(start.clientsOnly().fillIn(Op.invoke(Op.NEMESIS, "kill", null))).isNull();
    }

    @Test
    void forksOfTheSameKeyAgreeAndForksOfDifferentKeysDiffer() {
        assertThat(start.fork(1).random().nextLong()).isEqualTo(start.fork(1).random().nextLong());
        assertThat(start.fork(1).random().nextLong()).isNotEqualTo(start.fork(2).random().nextLong());
        assertThat(start.random(0).nextLong()).isNotEqualTo(start.random(1).nextLong());
    }

    @Test
    void itRefusesAnInvocationOnABusyThreadOrByARetiredProcess() {
        Op write = Op.invoke(1, "write", 3L);
        Context busy = start.invoked(write.withTime(0));
        assertThatThrownBy(() -> busy.invoked(write.withTime(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("thread 1 must be free");
        Context renewed = busy.completed(write.info(null).withTime(2));
        assertThatThrownBy(() -> renewed.invoked(write.withTime(3)))
                .hasMessageContaining("current process 4 of thread 1");
    }

    @Test
    void itNamesTheBadValue() {
        assertThatThrownBy(() -> Context.initial(0, 1)).hasMessage("concurrency must be >= 1, was 0");
        assertThatThrownBy(() -> start.withTime(-5)).hasMessage("time must be >= 0, was -5");
    }

    @Test
    void threadSetsBehaveAsSets() {
        Threads t = Threads.of(-1, 0, 70);
        assertThat(t.toList()).containsExactly(-1, 0, 70);
        assertThat(t.nth(2)).isEqualTo(70);
        assertThat(t.without(0).with(0)).isEqualTo(t);
        assertThat(t.and(Threads.clients(3))).isEqualTo(Threads.of(0));
        assertThat(t.clientsOnly().size()).isEqualTo(2);
        assertThat(t.toString()).isEqualTo("[nemesis 0 70]");
        assertThat(Threads.all(2).hashCode()).isEqualTo(Threads.of(-1, 0, 1).hashCode());
    }
}
