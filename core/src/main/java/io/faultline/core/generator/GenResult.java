package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a {@link Generator} answers when asked for an op: {@link Emit}, {@link Pending},
 * {@link Log} or {@link Exhausted}. Immutable values.
 */
public sealed interface GenResult permits GenResult.Emit, GenResult.Pending, GenResult.Log, GenResult.Exhausted {

    /** The generator has nothing more, ever (unless an {@code update} revives it, which is rare). */
    Exhausted EXHAUSTED = Exhausted.INSTANCE;

    /**
     * An op to invoke, and the generator that follows once it has been invoked.
     *
     * @param op   an invocation with {@code time >= ctx.time()} and the current process of a thread
     *             that is free and visible in the context asked
     * @param next the generator to use after {@code op} has been invoked
     */
    record Emit(Op op, Generator next) implements GenResult {
        public Emit {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * Nothing to invoke now. Ask again after the next completion, or at {@code wakeAt}, whichever
     * comes first.
     *
     * @param next   the generator to ask next time: this one, or the same with some state settled
     *               (e.g. a {@code sleep} that noted when it started); the interpreter adopts it
     * @param wakeAt the time (ns) at which asking again may give an op; {@link Long#MAX_VALUE} when
     *               only a completion can change the answer
     */
    record Pending(Generator next, long wakeAt) implements GenResult {
        public Pending {
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * A message for the test's log (not an op: it goes into no history), and the generator that follows.
     *
     * @param message the message
     * @param next    the generator to ask next, at once
     */
    record Log(String message, Generator next) implements GenResult {
        public Log {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(next, "next");
        }
    }

    /** The generator is exhausted. */
    enum Exhausted implements GenResult {
        INSTANCE;

        @Override
        public String toString() {
            return "Exhausted";
        }
    }

    /** An {@link Emit}. */
    static GenResult emit(Op op, Generator next) {
        return new Emit(op, next);
    }

    /** A {@link Pending} until a completion or {@code wakeAt}. */
    static GenResult pending(Generator next, long wakeAt) {
        return new Pending(next, wakeAt);
    }

    /** A {@link Pending} until a completion. */
    static GenResult pending(Generator next) {
        return new Pending(next, Long.MAX_VALUE);
    }

    /**
     * This result with its next generator transformed (how a combinator wraps its child's answer);
     * {@link Exhausted} stays as it is.
     */
    default GenResult mapNext(UnaryOperator<Generator> f) {
        if (this instanceof Emit e) {
            return new Emit(e.op(), f.apply(e.next()));
        } else if (this instanceof Pending p) {
            return new Pending(f.apply(p.next()), p.wakeAt());
        } else if (this instanceof Log l) {
            return new Log(l.message(), f.apply(l.next()));
        }
        return this;
    }
}
