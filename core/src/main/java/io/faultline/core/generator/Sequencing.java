package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Combinators that order ops: seq, synchronize, repeat, cycle, flip-flop, limit, until-ok. */
final class Sequencing {

    private Sequencing() {
    }

    /** Each generator of {@code all} in turn, from {@code pos}; {@code current} is the state of {@code all[pos]}. */
    record Seq(List<Generator> all, int pos, Generator current) implements Generator {
        static Generator of(List<Generator> gens) {
            List<Generator> all = List.copyOf(gens);
            return all.isEmpty() ? Sources.Empty.INSTANCE : new Seq(all, 0, all.get(0));
        }

        @Override
        public GenResult op(Context ctx) {
            int p = pos;
            Generator cur = current;
            while (true) {
                GenResult r = cur.op(ctx.fork(p));
                if (r != GenResult.EXHAUSTED) {
                    int fp = p;
                    return r.mapNext(n -> new Seq(all, fp, n));
                }
                if (++p >= all.size()) {
                    return GenResult.EXHAUSTED;
                }
                cur = all.get(p);
            }
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Seq(all, pos, current.update(ctx.fork(pos), event));
        }
    }

    /** Waits until every visible thread is free, then becomes {@code gen}. */
    record Synchronize(Generator gen) implements Generator {
        Synchronize {
            Objects.requireNonNull(gen, "gen");
        }

        @Override
        public GenResult op(Context ctx) {
            if (!ctx.allFree()) {
                return GenResult.pending(this);
            }
            GenResult r = gen.op(ctx);
            return r instanceof GenResult.Pending p ? GenResult.pending(new Synchronize(p.next()), p.wakeAt()) : r;
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Synchronize(gen.update(ctx, event));
        }
    }

    /**
     * The first op of {@code gen}, again and again ({@code remaining} times, or forever when
     * negative); {@code gen} is frozen, asked with a seed forked by the repetition number.
     */
    record Repeat(long remaining, long count, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            if (remaining == 0) {
                return GenResult.EXHAUSTED;
            }
            GenResult r = gen.op(ctx.fork(count));
            if (r instanceof GenResult.Emit e) {
                return GenResult.emit(e.op(), new Repeat(remaining < 0 ? -1 : remaining - 1, count + 1, gen));
            }
            return r.mapNext(n -> new Repeat(remaining, count, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Repeat(remaining, count, gen.update(ctx.fork(count), event));
        }
    }

    /**
     * All of {@code original}, then all of it again, {@code remaining} times in all (forever when
     * negative). {@code active} says whether the current round has answered anything but
     * exhausted, so that a generator that is empty from the start ends the cycle.
     */
    record Cycle(long remaining, long round, Generator original, Generator current, boolean active)
            implements Generator {
        @Override
        public GenResult op(Context ctx) {
            long left = remaining;
            long rd = round;
            Generator cur = current;
            boolean act = active;
            while (left != 0) {
                GenResult r = cur.op(ctx.fork(rd));
                if (r != GenResult.EXHAUSTED) {
                    long fl = left;
                    long fr = rd;
                    return r.mapNext(n -> new Cycle(fl, fr, original, n, true));
                }
                if (!act) {
                    return GenResult.EXHAUSTED;
                }
                left = left < 0 ? -1 : left - 1;
                rd++;
                cur = original;
                act = false;
            }
            return GenResult.EXHAUSTED;
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Cycle(remaining, round, original, current.update(ctx.fork(round), event), active);
        }
    }

    /** Alternates: an op of {@code gens[turn]}, then of the other; ends when the one whose turn it is ends. */
    record FlipFlop(List<Generator> gens, int turn) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            GenResult r = gens.get(turn).op(ctx.fork(turn));
            if (r instanceof GenResult.Emit e) {
                return GenResult.emit(e.op(), new FlipFlop(replace(gens, turn, e.next()), 1 - turn));
            }
            return r.mapNext(n -> new FlipFlop(replace(gens, turn, n), turn));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new FlipFlop(List.of(gens.get(0).update(ctx.fork(0), event), gens.get(1).update(ctx.fork(1), event)),
                    turn);
        }
    }

    /** At most {@code remaining} ops of {@code gen}. */
    record Limit(long remaining, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            if (remaining <= 0) {
                return GenResult.EXHAUSTED;
            }
            GenResult r = gen.op(ctx);
            long left = r instanceof GenResult.Emit ? remaining - 1 : remaining;
            return r.mapNext(n -> new Limit(left, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return new Limit(remaining, gen.update(ctx, event));
        }
    }

    /**
     * Ops of {@code gen} until one of them completes {@code ok}; {@code active} are the processes
     * of its ops in flight.
     */
    record UntilOk(Generator gen, Set<Integer> active, boolean done) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            if (done) {
                return GenResult.EXHAUSTED;
            }
            GenResult r = gen.op(ctx);
            if (r instanceof GenResult.Emit e) {
                return GenResult.emit(e.op(), new UntilOk(e.next(), plus(active, e.op().process()), false));
            }
            return r.mapNext(n -> new UntilOk(n, active, false));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            Generator g = gen.update(ctx, event);
            if (event.type().isCompletion() && active.contains(event.process())) {
                return new UntilOk(g, minus(active, event.process()), done || event.isOk());
            }
            return new UntilOk(g, active, done);
        }
    }

    static List<Generator> replace(List<Generator> gens, int i, Generator g) {
        if (gens.get(i) == g) {
            return gens;
        }
        Generator[] a = gens.toArray(Generator[]::new);
        a[i] = g;
        return List.of(a);
    }

    private static Set<Integer> plus(Set<Integer> s, int x) {
        java.util.HashSet<Integer> h = new java.util.HashSet<>(s);
        h.add(x);
        return Set.copyOf(h);
    }

    private static Set<Integer> minus(Set<Integer> s, int x) {
        java.util.HashSet<Integer> h = new java.util.HashSet<>(s);
        h.remove(x);
        return Set.copyOf(h);
    }
}
