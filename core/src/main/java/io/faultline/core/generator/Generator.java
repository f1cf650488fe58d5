package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.time.Duration;

/**
 * A pure, immutable description of the operations of a test, in the manner of Jepsen's
 * {@code jepsen.generator}. Build generators with {@link Generators}; run them with a
 * {@link Scheduler} (the runner's worker loop, or {@link Simulation} in tests and dry runs).
 *
 * <h2>Contract of a generator</h2>
 * <ul>
 *   <li><b>Pure.</b> {@link #op(Context)} and {@link #update(Context, Op)} have no side effects and
 *       read no clock and no global random source: the same generator asked with the same context
 *       returns the same result. State lives in the returned generators. Randomness comes from
 *       {@link Context#random(long)} (see {@link Context} for how seeds are derived).
 *   <li><b>op</b> answers {@link GenResult.Emit} (an invocation with {@code time >= ctx.time()},
 *       by the current process of a thread that is free and visible in {@code ctx}, plus the next
 *       generator), {@link GenResult.Pending} (nothing now; ask again after a completion or at its
 *       {@code wakeAt}), {@link GenResult.Log} (a message, then the next generator), or
 *       {@link GenResult#EXHAUSTED}. Never null.
 *   <li><b>update</b> tells the generator of an event, an invocation or a completion, after the
 *       context's bookkeeping for it. It returns the generator to use from then on; the default
 *       ignores events.
 *   <li>Thread-safety: values may be shared between threads, but one test's generator is asked
 *       from one thread only, the interpreter's.
 * </ul>
 *
 * <h2>Contract of the interpreter</h2>
 * {@link Scheduler} implements steps 2 to 5; the runner supplies the clock, the workers and the
 * history. Its loop, with {@code now} from an injected monotonic clock (ns since test start):
 * <ol>
 *   <li>Start from {@link Context#initial(int, long)} with the test's concurrency and seed.
 *   <li><b>Completions first.</b> Before asking for an op, take every completion that has arrived,
 *       stamp it with {@code now}, append it to the history, apply {@link Context#completed(Op)}
 *       (frees the thread; after an {@code info} of a client, renews its process) and replace the
 *       generator by {@code gen.update(ctx, completion)}.
 *   <li>Ask {@code gen.op(ctx.withTime(now))}:
 *     <ul>
 *       <li>{@code Emit} with {@code op.time() <= now}: append the op to the history, apply
 *           {@link Context#invoked(Op)}, hand the op to the worker thread of its process, and
 *           replace the generator by {@code emit.next().update(ctx, op)}. Ask again at once.
 *       <li>{@code Emit} with {@code op.time() > now}: do <em>not</em> adopt {@code next}; wait
 *           until {@code op.time()} or a completion, whichever comes first, then go to 2. (The
 *           generator is asked again then and usually gives the same op.)
 *       <li>{@code Pending}: adopt {@code next}; wait until {@code wakeAt} or a completion. If
 *           {@code wakeAt} is {@code Long.MAX_VALUE} and no op is in flight, the generator can never
 *           proceed: fail the test as a harness error.
 *       <li>{@code Log}: log the message (it is not an op), adopt {@code next}, ask again at once.
 *       <li>{@code Exhausted}: if ops are in flight, wait for a completion and go to 2 (an update
 *           may revive the generator); otherwise the generator is done.
 *     </ul>
 *   <li>A worker performs its op ({@code Client.invoke} or {@code Nemesis.invoke}); an exception is
 *       recorded as an {@code info} completion. Every completion goes back to the interpreter's
 *       queue; only the interpreter thread touches the generator, the context and the history.
 * </ol>
 * Sleeping is always "until a time, or earlier if a completion arrives": never {@code Thread.sleep}
 * of a fixed length, and in tests never any real sleep at all.
 */
public interface Generator {

    /**
     * Asks for the next op.
     *
     * @param ctx the current context; never null
     * @return never null; see the class contract
     */
    GenResult op(Context ctx);

    /**
     * Tells this generator of an invocation or a completion, after the context's bookkeeping for it.
     *
     * @return the generator to use from now on; by default this one
     */
    default Generator update(Context ctx, Op event) {
        return this;
    }

    // ---- fluent forms of the common combinators -------------------------------------------------

    /** {@link Generators#limit(long, Generator)} of this. */
    default Generator limit(long n) {
        return Generators.limit(n, this);
    }

    /** {@link Generators#timeLimit(Duration, Generator)} of this. */
    default Generator timeLimit(Duration limit) {
        return Generators.timeLimit(limit, this);
    }

    /** {@link Generators#stagger(Duration, Generator)} of this. */
    default Generator stagger(Duration meanInterval) {
        return Generators.stagger(meanInterval, this);
    }

    /** {@link Generators#delay(Duration, Generator)} of this. */
    default Generator delay(Duration interval) {
        return Generators.delay(interval, this);
    }

    /** {@link Generators#clients(Generator)} of this. */
    default Generator clients() {
        return Generators.clients(this);
    }

    /** {@link Generators#nemesis(Generator)} of this. */
    default Generator nemesis() {
        return Generators.nemesis(this);
    }

    /** {@link Generators#seq(Generator...)} of this and then {@code next}. */
    default Generator then(Generator next) {
        return Generators.seq(this, next);
    }
}
