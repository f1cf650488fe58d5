package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.util.Objects;
import java.util.function.Function;

/** The leaf generators: nothing, one op, ops from a function, a log message. */
final class Sources {

    private Sources() {
    }

    /** Emits nothing. */
    enum Empty implements Generator {
        INSTANCE;

        @Override
        public GenResult op(Context ctx) {
            return GenResult.EXHAUSTED;
        }

        @Override
        public String toString() {
            return "empty";
        }
    }

    /** Emits {@code template}, filled in, once. */
    record Once(Op template) implements Generator {
        Once {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public GenResult op(Context ctx) {
            Op op = ctx.fillIn(template);
            return op == null ? GenResult.pending(this) : GenResult.emit(op, Empty.INSTANCE);
        }
    }

    /**
     * Calls {@code fn} for each op, with a context whose seed is forked by the call number; a null
     * template exhausts it.
     */
    record Fn(Function<Context, Op> fn, long calls) implements Generator {
        Fn {
            Objects.requireNonNull(fn, "fn");
        }

        @Override
        public GenResult op(Context ctx) {
            Op template = fn.apply(ctx.fork(calls));
            if (template == null) {
                return GenResult.EXHAUSTED;
            }
            Op op = ctx.fillIn(template);
            return op == null ? GenResult.pending(this) : GenResult.emit(op, new Fn(fn, calls + 1));
        }
    }

    /** Logs {@code message} once. */
    record LogMessage(String message) implements Generator {
        LogMessage {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public GenResult op(Context ctx) {
            return new GenResult.Log(message, Empty.INSTANCE);
        }
    }
}
