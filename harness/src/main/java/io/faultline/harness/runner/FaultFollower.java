package io.faultline.harness.runner;

import io.faultline.core.nemesis.FaultFeed;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows a {@link FaultFeed} during a run: polls it every {@link #INTERVAL} on its own thread and
 * hands each fault to the interpreter, which records it. {@link #close()} stops the thread and polls
 * one last time, so a fault made just before the end is still recorded. A failing poll is logged
 * (once per distinct message) and tried again at the next interval.
 */
final class FaultFollower implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final FaultFeed feed;
    private final Interpreter interpreter;
    private final PrintStream log;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private String lastError;

    private FaultFollower(FaultFeed feed, Interpreter interpreter, PrintStream log) {
        this.feed = feed;
        this.interpreter = interpreter;
        this.log = log;
        this.thread = new Thread(this::follow, "faultline-fault-feed");
        this.thread.setDaemon(true);
    }

    /** Starts following {@code feed}; the caller closes it when the interpretation is over. */
    static FaultFollower start(FaultFeed feed, Interpreter interpreter, PrintStream log) {
        FaultFollower follower = new FaultFollower(feed, interpreter, log);
        follower.thread.start();
        return follower;
    }

    private void follow() {
        try {
            do {
                pollOnce();
            } while (!stopped.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollOnce() {
        try {
            feed.poll().forEach(interpreter::observed);
            lastError = null;
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastError)) log.println("faultline: cannot follow the faults made by hand: " + message);
            lastError = message;
        }
    }

    /** Stops following, waits for the thread, and polls one last time from the caller's thread. */
    @Override
    public void close() throws InterruptedException {
        stopped.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        if (!thread.isAlive()) pollOnce();
    }
}
