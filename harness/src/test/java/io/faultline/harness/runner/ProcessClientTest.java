package io.faultline.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.client.Client;
import io.faultline.core.client.Reusable;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessClientTest {

    /** A prototype whose clients answer ok, or info for a write, and remember whether they are closed. */
    static class Prototype implements Client {
        final List<Opened> opened = new ArrayList<>();
        final boolean reusable;
        int failOpens;

        Prototype(boolean reusable) {
            this.reusable = reusable;
        }

        @Override
        public Client open(String node) throws Exception {
            if (failOpens > 0) {
                failOpens--;
                throw new java.io.IOException("connection refused");
            }
            Opened c = reusable ? new ReusableOpened(node) : new Opened(node);
            opened.add(c);
            return c;
        }

        @Override
        public Op invoke(Op op) {
            throw new AssertionError("the prototype is never invoked");
        }

        @Override
        public void close() {
        }
    }

    static class Opened implements Client {
        final String node;
        boolean closed;
        int invoked;

        Opened(String node) {
            this.node = node;
        }

        @Override
        public Client open(String node) {
            throw new AssertionError();
        }

        @Override
        public Op invoke(Op op) {
            assertThat(closed).as("invoked after close").isFalse();
            invoked++;
            if (op.f().equals("boom")) throw new IllegalStateException("broken pipe");
            return op.f().equals("write") ? op.info(null) : op.ok(op.value());
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class ReusableOpened extends Opened implements Reusable {
        ReusableOpened(String node) {
            super(node);
        }
    }

    private static ProcessClient thread(Prototype prototype) throws Exception {
        return new ProcessClient(prototype, "n2", prototype.open("n2"));
    }

    @Test
    void okAndFailKeepTheClient() throws Exception {
        Prototype prototype = new Prototype(false);
        ProcessClient c = thread(prototype);
        assertThat(c.perform(Op.invoke(0, "read", null)).type()).isEqualTo(OpType.OK);
        assertThat(c.perform(Op.invoke(0, "read", null)).type()).isEqualTo(OpType.OK);
        assertThat(prototype.opened).hasSize(1);
        assertThat(c.opened()).isEqualTo(1);
    }

    @Test
    void anInfoEndsTheProcessItsClientIsClosedAndTheNextProcessGetsANewOneOnTheSameNode() throws Exception {
        Prototype prototype = new Prototype(false);
        ProcessClient c = thread(prototype);
        assertThat(c.perform(Op.invoke(0, "write", 1L)).type()).isEqualTo(OpType.INFO);
        assertThat(prototype.opened.get(0).closed).isTrue();
        assertThat(c.current()).isNull();

        assertThat(c.perform(Op.invoke(4, "read", null)).type()).isEqualTo(OpType.OK);
        assertThat(prototype.opened).hasSize(2);
        assertThat(prototype.opened.get(1).node).isEqualTo("n2");
        assertThat(prototype.opened.get(1).invoked).isEqualTo(1);
    }

    @Test
    void aThrowingInvokeEndsTheProcessToo() throws Exception {
        Prototype prototype = new Prototype(false);
        ProcessClient c = thread(prototype);
        assertThatThrownBy(() -> c.perform(Op.invoke(0, "boom", null))).hasMessageContaining("broken pipe");
        assertThat(prototype.opened.get(0).closed).isTrue();
        c.perform(Op.invoke(4, "read", null));
        assertThat(prototype.opened).hasSize(2);
    }

    @Test
    void aReusableClientIsKeptAfterAnInfo() throws Exception {
        Prototype prototype = new Prototype(true);
        ProcessClient c = thread(prototype);
        c.perform(Op.invoke(0, "write", 1L));
        c.perform(Op.invoke(4, "read", null));
        assertThat(prototype.opened).hasSize(1);
        assertThat(prototype.opened.get(0).closed).isFalse();
        assertThat(prototype.opened.get(0).invoked).isEqualTo(2);
    }

    @Test
    void whenANewClientCannotBeOpenedTheOpFailsUnsentAndTheNextOpTriesAgain() throws Exception {
        Prototype prototype = new Prototype(false);
        ProcessClient c = thread(prototype);
        c.perform(Op.invoke(0, "write", 1L));
        prototype.failOpens = 1;

        Op failed = c.perform(Op.invoke(4, "read", null));
        assertThat(failed.type()).isEqualTo(OpType.FAIL);
        assertThat(failed.error()).isEqualTo(ProcessClient.NO_CLIENT);
        assertThat(c.perform(Op.invoke(4, "read", null)).type()).isEqualTo(OpType.OK);
        assertThat(prototype.opened).hasSize(2);
    }

    @Test
    void closeClosesTheCurrentClientOnce() throws Exception {
        Prototype prototype = new Prototype(false);
        ProcessClient c = thread(prototype);
        c.close();
        c.close();
        assertThat(prototype.opened.get(0).closed).isTrue();
    }
}
