package io.faultline.core.generator;

import io.faultline.core.op.Op;

/** Combinators about time: sleep, stagger, delay, time limit. Times are ns since the test start. */
final class Timing {

    /** Not yet set. */
    static final long UNSET = -1;

    private Timing() {
    }

    /** Emits nothing for {@code nanos} from the first time it is asked ({@code until} once known). */
    record Sleep(long nanos, long until) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            long u = until == UNSET ? ctx.time() + nanos : until;
            if (ctx.time() >= u) {
                return GenResult.EXHAUSTED;
            }
            return GenResult.pending(until == UNSET ? new Sleep(nanos, u) : this, u);
        }
    }

    /**
     * Ops of {@code gen} at random intervals uniform in {@code [0, 2 * meanNanos)}, so at a total
     * rate of at most one per {@code meanNanos}; an op never comes before its child would give it.
     * {@code draws} counts the intervals drawn so far.
     */
    record Stagger(long meanNanos, long nextTime, long draws, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            GenResult r = gen.op(ctx.fork(0));
            if (r instanceof GenResult.Emit e) {
                long t = Math.max(e.op().time(), nextTime);
                long interval = ctx.random(draws).nextLong(2 * meanNanos);
                return GenResult.emit(e.op().withTime(t), new Stagger(meanNanos, t + interval, draws + 1, e.next()));
            }
            return r.mapNext(n -> new Stagger(meanNanos, nextTime, draws, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Stagger(meanNanos, nextTime, draws, gen.update(ctx.fork(0), event));
        }
    }

    /** Ops of {@code gen} at least {@code intervalNanos} apart. */
    record Delay(long intervalNanos, long nextTime, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            GenResult r = gen.op(ctx);
            if (r instanceof GenResult.Emit e) {
                long t = Math.max(e.op().time(), nextTime);
                return GenResult.emit(e.op().withTime(t), new Delay(intervalNanos, t + intervalNanos, e.next()));
            }
            return r.mapNext(n -> new Delay(intervalNanos, nextTime, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Delay(intervalNanos, nextTime, gen.update(ctx, event));
        }
    }

    /**
     * Ops of {@code gen} until {@code limitNanos} after the first one's time ({@code cutoff} once
     * known). It ends at the cutoff, or sooner if {@code gen} ends; ops at or after the cutoff are
     * never emitted.
     */
    record TimeLimit(long limitNanos, long cutoff, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            if (cutoff != UNSET && ctx.time() >= cutoff) {
                return GenResult.EXHAUSTED;
            }
            GenResult r = gen.op(ctx);
            if (r instanceof GenResult.Emit e) {
                long c = cutoff == UNSET ? e.op().time() + limitNanos : cutoff;
                if (e.op().time() >= c) {
                    // Too late: the limit lasts until its cutoff, then ends.
                    return ctx.time() >= c ? GenResult.EXHAUSTED
                            : GenResult.pending(new TimeLimit(limitNanos, c, gen), c);
                }
                return GenResult.emit(e.op(), new TimeLimit(limitNanos, c, e.next()));
            }
            if (r instanceof GenResult.Pending p) {
                long wake = cutoff == UNSET ? p.wakeAt() : Math.min(p.wakeAt(), cutoff);
                return GenResult.pending(new TimeLimit(limitNanos, cutoff, p.next()), wake);
            }
            return r.mapNext(n -> new TimeLimit(limitNanos, cutoff, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new TimeLimit(limitNanos, cutoff, gen.update(ctx, event));
        }
    }
}
