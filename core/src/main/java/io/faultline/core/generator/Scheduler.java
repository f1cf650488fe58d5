package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bookkeeping of an interpreter of a {@link Generator}: it holds the generator, the
 * {@link Context} and the ops in flight, and turns "what time is it" and "this op completed" into
 * the next step. Both the runner (real threads, real clock) and {@link Simulation} drive one; see
 * the interpreter contract on {@link Generator}. The runner's loop is:
 *
 * <pre>{@code
 * Scheduler s = new Scheduler(gen, concurrency, seed);
 * while (true) {
 *     for (Op c; (c = completions.poll()) != null; ) {       // completions first
 *         Op done = c.withTime(clock.nanos());
 *         history.append(done);
 *         s.complete(done);
 *     }
 *     Scheduler.Step step = s.next(clock.nanos());
 *     if (step instanceof Scheduler.Dispatch d) {
 *         history.append(d.op());
 *         worker(d.thread()).put(d.op());
 *     } else if (step instanceof Scheduler.Log l) {
 *         log.info(l.message());
 *     } else if (step instanceof Scheduler.Wait w) {
 *         completions.awaitUntil(w.until());   // returns sooner when a completion arrives
 *     } else {
 *         return;                              // Done
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one instance is used by the interpreter's thread only.
 */
public final class Scheduler {

    /** What the interpreter does next; see {@link #next(long)}. */
    public sealed interface Step permits Dispatch, Wait, Log, Done {
    }

    /**
     * Invoke {@code op} now on {@code thread}: record it and hand it to that thread's worker. The
     * scheduler has already counted it as in flight.
     */
    public record Dispatch(Op op, int thread) implements Step {
    }

    /** Wait until {@code until} (ns) or the next completion, whichever is first; {@code Long.MAX_VALUE}: a completion. */
    public record Wait(long until) implements Step {
    }

    /** Write {@code message} to the test's log (not to the history); then ask again. */
    public record Log(String message) implements Step {
    }

    /** The generator is exhausted and no op is in flight: the run is over. */
    public record Done() implements Step {
    }

    /** How many times in a row a generator may be pending with a wake-up time already past. */
    private static final int MAX_SPINS = 10_000;

    private Generator gen;
    private Context ctx;
    private final Map<Integer, Op> inFlight = new HashMap<>();

    /** A scheduler at time 0 with every thread free. */
    public Scheduler(Generator gen, int concurrency, long seed) {
        this(gen, Context.initial(concurrency, seed));
    }

    /** A scheduler from a given context (e.g. one built by a test); nothing may be in flight in it. */
    public Scheduler(Generator gen, Context ctx) {
        this.gen = Objects.requireNonNull(gen, "gen");
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        if (!ctx.allFree()) {
            throw new IllegalArgumentException("a scheduler must start with every thread free, busy: " + ctx.busy());
        }
    }

    /**
     * Asks the generator what to do at time {@code now}.
     *
     * @param now the interpreter's clock, ns since test start; never earlier than a time seen before
     * @throws IllegalStateException when the generator breaks its contract (an op for a busy thread,
     *                               in the past, not an invocation...) or can never proceed (pending
     *                               with no wake-up time and nothing in flight)
     */
    public Step next(long now) {
        advance(now);
        for (int spin = 0; spin < MAX_SPINS; spin++) {
            GenResult r = gen.op(ctx);
            if (r == GenResult.EXHAUSTED) {
                return inFlight.isEmpty() ? new Done() : new Wait(Long.MAX_VALUE);
            } else if (r instanceof GenResult.Log l) {
                gen = l.next();
                return new Log(l.message());
            } else if (r instanceof GenResult.Pending p) {
                gen = p.next();
                if (p.wakeAt() > now) {
                    if (p.wakeAt() == Long.MAX_VALUE && inFlight.isEmpty()) {
                        throw new IllegalStateException("generator is pending with no op in flight and no time to "
                                + "wake up, so it can never proceed (e.g. nemesis ops under clients()): " + gen);
                    }
                    return new Wait(p.wakeAt());
                }
            } else if (r instanceof GenResult.Emit e) {
                Op op = e.op();
                if (op.time() > now) {
                    return new Wait(op.time());
                }
                try {
                    ctx = ctx.invoked(op);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalStateException("generator emitted an op it may not: " + bad.getMessage()
                            + " (context " + ctx + ")", bad);
                }
                int thread = ctx.thread(op.process());
                inFlight.put(thread, op);
                gen = e.next().update(ctx, op);
                return new Dispatch(op, thread);
            }
        }
        throw new IllegalStateException("generator stayed pending with a wake-up time <= now " + now
                + " " + MAX_SPINS + " times in a row: " + gen);
    }

    /**
     * Records the completion of an op in flight: frees its thread, renews its process after an
     * {@code info} (client threads only), and tells the generator.
     *
     * @param completion an {@code ok}, {@code fail} or {@code info} of a process in flight, with its
     *                   time (ns since test start) set by the interpreter's clock
     * @throws IllegalArgumentException naming the op when no op of its process is in flight or its
     *                                  time is before the last time seen
     */
    public void complete(Op completion) {
        if (!completion.type().isCompletion()) {
            throw new IllegalArgumentException("completion must be ok, fail or info, was " + completion);
        }
        int thread = ctx.thread(completion.process());
        Op invocation = inFlight.get(thread);
        if (invocation == null || invocation.process() != completion.process()) {
            throw new IllegalArgumentException("completion must match an op in flight, was " + completion);
        }
        ctx = ctx.completed(completion);
        inFlight.remove(thread);
        gen = gen.update(ctx, completion);
    }

    /** The op in flight on {@code thread}, or null. */
    public Op inFlight(int thread) {
        return inFlight.get(thread);
    }

    /** How many ops are in flight. */
    public int inFlightCount() {
        return inFlight.size();
    }

    /** The current context (time, free threads, processes). */
    public Context context() {
        return ctx;
    }

    /** The current generator. */
    public Generator generator() {
        return gen;
    }

    private void advance(long now) {
        if (now < ctx.time()) {
            throw new IllegalArgumentException("now must be >= the last time seen " + ctx.time() + ", was " + now);
        }
        ctx = ctx.withTime(now);
    }
}
