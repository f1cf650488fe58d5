package io.faultline.harness.runner;

import io.faultline.core.client.Client;
import io.faultline.core.client.Reusable;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.Objects;
import us.bpsm.edn.Keyword;

/**
 * The client of one worker thread, a process at a time, as Jepsen's interpreter keeps it: when an op
 * ends {@code info} its process is over (the op may still take effect), so the client is closed and
 * the thread's next op, which the scheduler gives a new process, opens a new one from the prototype,
 * bound to the same node. A client that implements {@link Reusable} is kept instead. When opening
 * fails, the op it was for completes {@code fail} with {@code :no-client} (it was never sent) and
 * the next op tries again. Used from its worker's thread only; {@link #close()} from any, at the end.
 */
final class ProcessClient implements Worker.Action, AutoCloseable {

    static final Keyword NO_CLIENT = Keyword.newKeyword("no-client");

    private final Client prototype;
    private final String node;
    private Client current;
    private int opened;

    /** @param first the client already opened for the thread's first process */
    ProcessClient(Client prototype, String node, Client first) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
        this.node = Objects.requireNonNull(node, "node");
        this.current = Objects.requireNonNull(first, "first");
        this.opened = 1;
    }

    @Override
    public Op perform(Op invocation) throws Exception {
        Client client;
        synchronized (this) {
            if (current == null) {
                try {
                    current = prototype.open(node);
                    opened++;
                } catch (Exception e) {
                    return invocation.fail(NO_CLIENT).withExtra("exception", String.valueOf(e));
                }
            }
            client = current;
        }
        Op done;
        try {
            done = client.invoke(invocation);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | Error e) {
            retire(client);
            throw e;
        }
        if (done == null || done.type() == OpType.INFO) retire(client);
        return done;
    }

    /** The client of the process now, or null between an {@code info} and the next op. */
    synchronized Client current() {
        return current;
    }

    /** How many clients this thread has opened: 1 plus one per process that ended {@code info}. */
    synchronized int opened() {
        return opened;
    }

    private void retire(Client client) {
        if (client instanceof Reusable) return;
        synchronized (this) {
            if (current != client) return;
            current = null;
        }
        client.close();
    }

    @Override
    public synchronized void close() {
        if (current != null) current.close();
        current = null;
    }
}
