package io.faultline.harness.runner;

import io.faultline.core.op.Op;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import us.bpsm.edn.Keyword;

/**
 * One worker thread: performs the ops the interpreter hands it, one at a time, and returns each
 * completion, stamped with the clock, to the interpreter's queue. An exception, or a completion
 * that does not answer the invocation, becomes an {@code info} completion carrying the cause.
 */
final class Worker implements Runnable {

    /** Performs one op; returns its completion. */
    @FunctionalInterface
    interface Action {
        Op perform(Op invocation) throws Exception;
    }

    /** A completion and the time it happened. */
    record Completion(Op op, long time) {
    }

    private static final Op STOP = Op.invoke(0, "stop-worker", null);

    private final String name;
    private final Action action;
    private final BlockingQueue<Op> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Completion> completions;
    private final LongSupplier clock;
    private final Thread thread;

    Worker(String name, Action action, BlockingQueue<Completion> completions, LongSupplier clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.action = Objects.requireNonNull(action, "action");
        this.completions = completions;
        this.clock = clock;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Hands an op to this worker; returns at once. */
    void submit(Op invocation) {
        inbox.add(invocation);
    }

    /** Asks the worker to end after its current op, and waits for it up to {@code millis}. */
    void stop(long millis) throws InterruptedException {
        inbox.add(STOP);
        thread.join(millis);
        if (thread.isAlive()) thread.interrupt();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Op op = inbox.take();
                if (op == STOP) return;
                Op done = perform(op);
                completions.add(new Completion(done, clock.getAsLong()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Op perform(Op op) {
        try {
            Op done = action.perform(op);
            if (done == null || !done.type().isCompletion() || done.process() != op.process() || !done.f().equals(op.f())) {
                return op.info(Keyword.newKeyword("bad-completion"))
                        .withExtra("exception", name + " returned " + done + " for " + op);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return op.info(Keyword.newKeyword("interrupted"));
        } catch (Exception | Error e) {
            return op.info(Keyword.newKeyword("exception")).withExtra("exception", String.valueOf(e));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
