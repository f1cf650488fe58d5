package io.faultline.harness.runner;

import io.faultline.core.generator.Context;
import io.faultline.core.generator.Scheduler;
import io.faultline.core.nemesis.FaultFeed;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Interprets a test's generator (the contract of {@code io.faultline.core.generator.Generator}) with
 * real threads and the real clock, recording every op as it happens.
 *
 * <p>The scheduler and the recorder are used under one lock, by whichever thread has news: a worker
 * that completes an op records the completion and asks the scheduler at once what to do next; an op
 * for itself it performs without a hand-off, ops for other threads go to their inboxes. The main
 * thread ({@link #run}) does the same when time passes (staggered ops, sleeps, fault intervals) and
 * otherwise waits until the next time the generator named, or until a worker signals the end. So an
 * op costs no thread switch when the load keeps every thread busy, and the order of events is the
 * scheduler's alone.
 */
final class Interpreter {

    /** The longest the main thread waits without looking again (a stop may be pending). */
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** No thread: the main thread asks. */
    private static final int MAIN = Integer.MIN_VALUE;

    private final Scheduler scheduler;
    private final HistoryRecorder recorder;
    private final LongSupplier clock;
    private final PrintStream log;
    private final Consumer<Op> onNemesisCompletion;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Map<Integer, Worker> workers = Map.of();
    private boolean done;
    private boolean stopping;
    /** A scheduled nemesis op is between its invocation and completion. */
    private boolean nemesisInFlight;
    /** Faults observed while a scheduled nemesis op was in flight, recorded after its completion. */
    private final List<FaultFeed.Fault> observedLater = new ArrayList<>();
    /** When the main thread will look again of its own accord (ns on the clock). */
    private long mainWakesAt = Long.MIN_VALUE;

    Interpreter(Scheduler scheduler, HistoryRecorder recorder, LongSupplier clock, PrintStream log,
                Consumer<Op> onNemesisCompletion) {
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.clock = clock;
        this.log = log;
        this.onNemesisCompletion = onNemesisCompletion;
    }

    /** The workers, by scheduler thread; set before {@link #run}. */
    void workers(Map<Integer, Worker> byThread) {
        this.workers = Map.copyOf(byThread);
    }

    /**
     * Runs until the generator is done or {@link #stop()} is called; then gives the ops in flight up
     * to {@code drainMillis} to complete.
     */
    void run(long drainMillis) throws InterruptedException {
        lock.lock();
        try {
            while (!done && !stopping) {
                long until = pump(MAIN).until;
                if (done || stopping) break;
                long wait = until == Long.MAX_VALUE ? MAX_WAIT_NANOS : Math.min(MAX_WAIT_NANOS, until - clock.getAsLong());
                if (wait > 0) {
                    if (wait >= HistoryRecorder.FLUSH_INTERVAL.toNanos()) recorder.flush();
                    mainWakesAt = clock.getAsLong() + wait;
                    changed.awaitNanos(wait);
                    mainWakesAt = Long.MIN_VALUE;
                }
            }
            stopping = true; // from here on, completions are recorded but nothing new starts
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
            while (scheduler.inFlightCount() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.println("faultline: " + scheduler.inFlightCount()
                            + " ops still in flight; they stay unfinished in the history");
                    return;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run early; thread-safe. */
    void stop() {
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the worker of {@code thread} with a completion: records it and returns the worker's
     * next op, or null when it has none now (it then waits for its inbox).
     */
    Op completed(int thread, Op completion, long time) {
        lock.lock();
        try {
            // the worker's time, unless the interpreter's clock has already moved past it
            Op recorded = recorder.record(completion, Math.max(time, scheduler.context().time()));
            scheduler.complete(recorded);
            if (recorded.isNemesis()) {
                onNemesisCompletion.accept(recorded);
                nemesisInFlight = false;
                observedLater.forEach(this::recordObserved);
                observedLater.clear();
            }
            if (stopping) {
                changed.signalAll();
                return null;
            }
            return pump(thread).mine;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a fault made outside the schedule (a {@link FaultFeed}'s) as a nemesis invocation and
     * its {@code :info} completion, now. While a scheduled nemesis op is in flight it waits for that
     * op's completion, so that the nemesis's invocations and completions still pair up. Thread-safe.
     */
    void observed(FaultFeed.Fault fault) {
        lock.lock();
        try {
            if (nemesisInFlight) {
                observedLater.add(fault);
            } else {
                recordObserved(fault);
            }
        } finally {
            lock.unlock();
        }
    }

    private void recordObserved(FaultFeed.Fault fault) {
        long now = clock.getAsLong();
        Op invocation = recorder.record(Op.invoke(Op.NEMESIS, fault.f(), fault.value()), now);
        onNemesisCompletion.accept(recorder.record(invocation.complete(OpType.INFO, fault.value()), now));
    }

    private record Pumped(Op mine, long until) {
    }

    /** Asks the scheduler until it has nothing to do now; dispatches ops; the caller's own op is returned. */
    private Pumped pump(int me) {
        Op mine = null;
        while (true) {
            Scheduler.Step step = scheduler.next(clock.getAsLong());
            if (step instanceof Scheduler.Dispatch d) {
                Op recorded = recorder.record(d.op(), clock.getAsLong());
                if (d.thread() == Context.NEMESIS_THREAD) nemesisInFlight = true;
                if (d.thread() == me) {
                    mine = recorded;
                } else {
                    workers.get(d.thread()).submit(recorded);
                }
            } else if (step instanceof Scheduler.Wait w) {
                if (me != MAIN && mainWakesAt != Long.MIN_VALUE && w.until() < mainWakesAt) {
                    changed.signalAll(); // something is due before the main thread would look again
                }
                return new Pumped(mine, w.until());
            } else if (step instanceof Scheduler.Log l) {
                log.println("faultline: " + l.message());
            } else {
                done = true;
                changed.signalAll();
                return new Pumped(mine, Long.MAX_VALUE);
            }
        }
    }
}
