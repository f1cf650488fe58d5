package io.faultline.harness.runner;

import io.faultline.core.op.Op;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongSupplier;
import us.bpsm.edn.Keyword;

/**
 * One worker thread: performs the ops of its scheduler thread, one at a time. Each completion,
 * stamped with the clock, goes to the {@link Interpreter}, which may hand back the worker's next op
 * at once; otherwise the worker waits for its inbox. An exception, or a completion that does not
 * answer the invocation, becomes an {@code info} completion carrying the cause.
 */
final class Worker implements Runnable {

    /** Performs one op; returns its completion. */
    @FunctionalInterface
    interface Action {
        Op perform(Op invocation) throws Exception;
    }

    private static final Op STOP = Op.invoke(0, "stop-worker", null);

    private final String name;
    private final int schedulerThread;
    private final Action action;
    private final Interpreter interpreter;
    private final LongSupplier clock;
    private final BlockingQueue<Op> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;

    Worker(String name, int schedulerThread, Action action, Interpreter interpreter, LongSupplier clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.schedulerThread = schedulerThread;
        this.action = Objects.requireNonNull(action, "action");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
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
                while (op != null) {
                    Op done = perform(op);
                    op = interpreter.completed(schedulerThread, done, clock.getAsLong());
                }
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
