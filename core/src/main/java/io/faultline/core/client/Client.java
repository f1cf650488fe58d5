package io.faultline.core.client;

import io.faultline.core.op.Op;

/**
 * A client of the system under test, as in Jepsen: opened once per logical process, bound to a node.
 *
 * <p>Lifecycle: the runner calls {@link #open(String)} on a prototype to get a client for one
 * process, {@link #setup()} once on the first opened client, {@link #invoke(Op)} from that process's
 * own thread only, {@link #teardown()} once on one client at the end, and {@link #close()} on every
 * opened client. When an op ends {@code info} (or {@link #invoke} throws), the process is over: the
 * runner closes its client and opens a new one for the thread's next process, as Jepsen does, unless
 * the client implements {@link Reusable}.
 */
public interface Client extends AutoCloseable {

    /** A new client bound to {@code node}, ready to invoke; the prototype itself is unchanged. */
    Client open(String node) throws Exception;

    /** One-time preparation of the system under test (e.g. create tables). Default: nothing. */
    default void setup() throws Exception {
    }

    /**
     * Performs one operation and returns its completion: {@code ok} if it took effect, {@code fail}
     * if it certainly did not, {@code info} if it is unknown. An exception thrown here is recorded
     * as {@code info} by the runner.
     *
     * @param op an invocation; never null
     */
    Op invoke(Op op) throws Exception;

    /** One-time clean-up of the system under test. Default: nothing. */
    default void teardown() throws Exception {
    }

    /** Releases this client's connections. Idempotent. */
    @Override
    void close();
}
