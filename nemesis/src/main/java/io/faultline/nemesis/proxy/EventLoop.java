package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One selector thread that owns a set of channels: all their I/O, timers and state changes run on
 * it, so the objects it owns need no locks.
 *
 * <p>Other threads hand it work with {@link #execute} or {@link #call}. Lifecycle: started by
 * {@link #start}, stopped by {@link #close}, which waits for the thread to end.
 */
final class EventLoop implements AutoCloseable {

    /** What a registered channel does when it is ready. */
    interface Handler {
        void ready(SelectionKey key);
    }

    /** A cancellable timer; only touched on the loop thread. */
    static final class Timer implements Comparable<Timer> {
        private final long due;
        private final Runnable action;
        private boolean cancelled;

        private Timer(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(due, other.due);
        }
    }

    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean running = true;
    private boolean iterating;
    private boolean flushClosed;

    private EventLoop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Opens a selector and starts its thread. */
    static EventLoop start(String name) throws IOException {
        EventLoop loop = new EventLoop(name);
        loop.thread.start();
        return loop;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the loop thread, soon; from any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) selector.wakeup();
    }

    /**
     * Runs the action on the loop thread and waits for its result (directly when already on it).
     *
     * @throws IllegalStateException when the loop does not answer within 10 s or the action fails
     */
    <T> T call(Supplier<T> action) {
        if (inLoop()) return action.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + thread.getName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(thread.getName() + " did not answer within "
                    + CALL_TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Runs the action on the loop thread and waits for it. */
    void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Schedules the action after a delay; loop thread only. */
    Timer schedule(long delayNanos, Runnable action) {
        Timer timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), action);
        timers.add(timer);
        return timer;
    }

    /** Registers a channel with this loop's selector; loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) {
        try {
            return channel.register(selector, ops, handler);
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException("cannot register closed channel " + channel, e);
        }
    }

    /**
     * Closes a channel registered with this loop and releases its socket at once (a registered
     * channel's socket is only released when the selector deregisters it); loop thread only.
     */
    void closeNow(SelectableChannel channel) {
        try {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) key.cancel();
            channel.close();
            // selectNow() deregisters cancelled keys, which releases the socket; it must not run
            // inside a select that is dispatching ready keys, so then it runs right after.
            if (iterating) flushClosed = true;
            else selector.selectNow();
        } catch (IOException e) {
            // the channel is closed either way; nothing else to release
        }
    }

    private void run() {
        while (running) {
            try {
                long timeoutMillis = runDueTimers();
                // The action form of select hands each ready key straight to its handler, without
                // the selected-key set (no set insertions, removals or iterator per event).
                iterating = true;
                if (!tasks.isEmpty()) {
                    selector.selectNow(EventLoop::dispatch);
                } else if (timeoutMillis < 0) {
                    selector.select(EventLoop::dispatch);
                } else {
                    selector.select(EventLoop::dispatch, Math.max(1, timeoutMillis));
                }
                iterating = false;
                if (flushClosed) {
                    flushClosed = false;
                    selector.selectNow();
                }
                Runnable task;
                while ((task = tasks.poll()) != null) task.run();
            } catch (IOException | RuntimeException e) {
                iterating = false;
                if (running) {
                    System.err.println(thread.getName() + ": " + e);
                }
            }
        }
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing on shutdown: nothing to do
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing on shutdown: nothing to do
        }
    }

    private static void dispatch(SelectionKey key) {
        if (key.isValid()) ((Handler) key.attachment()).ready(key);
    }

    /** Runs the timers that are due; returns ms until the next one, or -1 when there is none. */
    private long runDueTimers() {
        while (true) {
            Timer next = timers.peek();
            if (next == null) return -1;
            if (next.cancelled) {
                timers.poll();
                continue;
            }
            long wait = next.due - System.nanoTime();
            if (wait > 0) return TimeUnit.NANOSECONDS.toMillis(wait + 999_999);
            timers.poll();
            next.action.run();
        }
    }

    /** Stops the thread, closes every channel it still owns, and waits for it to end. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(CALL_TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
