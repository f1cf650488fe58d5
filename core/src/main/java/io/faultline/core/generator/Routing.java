package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Combinators that choose among generators or threads: clients/nemesis, any, mix, each thread. */
final class Routing {

    private Routing() {
    }

    /** Which threads {@link OnThreads} shows its generator. */
    enum Side {
        CLIENTS, NEMESIS;

        Context restrict(Context ctx) {
            return this == CLIENTS ? ctx.clientsOnly() : ctx.nemesisOnly();
        }

        boolean owns(Op event) {
            return (this == NEMESIS) == (event.process() == Op.NEMESIS);
        }
    }

    /** {@code gen} seeing only the threads of one side, and only that side's events. */
    record OnThreads(Side side, Generator gen) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            return gen.op(side.restrict(ctx)).mapNext(n -> new OnThreads(side, n));
        }

        @Override
        public Generator update(Context ctx, Op event) {
            return side.owns(event) ? new OnThreads(side, gen.update(side.restrict(ctx), event)) : this;
        }
    }

    /**
     * Gathers the answers of several children (each asked with its own context) into one: a log
     * at once; else the soonest op (ties: the first child); else pending until the soonest wake-up;
     * exhausted when every child is. When the soonest op is in the future and some pending child
     * settled state or wants to be asked sooner, answers pending until the soonest of that op's
     * time and the children's wake-up times, so that the interpreter keeps the state and wakes in time.
     */
    static final class Gather {
        private final List<Generator> next;
        private boolean changed;
        private boolean allExhausted = true;
        private GenResult.Emit best;
        private int bestIndex = -1;
        private long wake = Long.MAX_VALUE;
        private GenResult.Log log;
        private int logIndex = -1;

        Gather(List<Generator> children) {
            this.next = new ArrayList<>(children);
        }

        /** Records the answer {@code r} of child {@code i}; false once a log makes the rest moot. */
        boolean add(int i, GenResult r) {
            if (r == GenResult.EXHAUSTED) {
                return true;
            }
            allExhausted = false;
            if (r instanceof GenResult.Log l) {
                log = l;
                logIndex = i;
                return false;
            } else if (r instanceof GenResult.Pending p) {
                if (p.next() != next.get(i)) {
                    next.set(i, p.next());
                    changed = true;
                }
                wake = Math.min(wake, p.wakeAt());
            } else if (r instanceof GenResult.Emit e) {
                if (best == null || e.op().time() < best.op().time()) {
                    best = e;
                    bestIndex = i;
                }
            }
            return true;
        }

        GenResult result(Context ctx, java.util.function.Function<List<Generator>, Generator> rebuild) {
            if (log != null) {
                next.set(logIndex, log.next());
                return new GenResult.Log(log.message(), rebuild.apply(List.copyOf(next)));
            }
            if (best != null) {
                if (best.op().time() > ctx.time() && (changed || wake < best.op().time())) {
                    return GenResult.pending(rebuild.apply(List.copyOf(next)), Math.min(wake, best.op().time()));
                }
                next.set(bestIndex, best.next());
                return GenResult.emit(best.op(), rebuild.apply(List.copyOf(next)));
            }
            return allExhausted ? GenResult.EXHAUSTED : GenResult.pending(rebuild.apply(List.copyOf(next)), wake);
        }

        int bestIndex() {
            return bestIndex;
        }
    }

    /** Whichever child offers the soonest op; every child sees every event. */
    record Any(List<Generator> gens) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            Gather g = new Gather(gens);
            for (int i = 0; i < gens.size() && g.add(i, gens.get(i).op(ctx.fork(i))); i++) {
                // gathering
            }
            return g.result(ctx, Any::new);
        }

        @Override
        public Generator update(Context ctx, Op event) {
            List<Generator> out = new ArrayList<>(gens.size());
            for (int i = 0; i < gens.size(); i++) {
                out.add(gens.get(i).update(ctx.fork(i), event));
            }
            return new Any(List.copyOf(out));
        }
    }

    /**
     * A random choice per op among the children still going ({@code alive}, indices into
     * {@code gens}); the choice stays while the chosen child is pending. {@code draws} counts the
     * choices made.
     */
    record Mix(List<Generator> gens, List<Integer> alive, long draws) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            List<Integer> live = alive;
            long d = draws;
            List<Generator> gs = gens;
            while (!live.isEmpty()) {
                int i = live.get(ctx.random(d).nextInt(live.size()));
                GenResult r = gs.get(i).op(ctx.fork(i));
                if (r == GenResult.EXHAUSTED) {
                    List<Integer> l = new ArrayList<>(live);
                    l.remove(Integer.valueOf(i));
                    live = List.copyOf(l);
                    d++;
                    continue;
                }
                List<Integer> fl = live;
                List<Generator> fgs = gs;
                long nd = r instanceof GenResult.Emit ? d + 1 : d;
                return r.mapNext(n -> new Mix(Sequencing.replace(fgs, i, n), fl, nd));
            }
            return GenResult.EXHAUSTED;
        }

        @Override
        public Generator update(Context ctx, Op event) {
            List<Generator> out = new ArrayList<>(gens.size());
            for (int i = 0; i < gens.size(); i++) {
                out.add(gens.get(i).update(ctx.fork(i), event));
            }
            return new Mix(List.copyOf(out), alive, draws);
        }
    }

    /** The state of one thread's copy in {@link EachThread}: the process it was made for, and the generator. */
    record Copy(int process, Generator gen) {
    }

    /**
     * A copy of {@code original} for each visible client thread, seeing only that thread; with
     * {@code perProcess}, a fresh copy whenever the thread's process is renewed. {@code copies}
     * holds the copies that have state, by thread.
     */
    record EachThread(Generator original, boolean perProcess, Map<Integer, Copy> copies) implements Generator {

        private Copy copy(int thread, int process) {
            Copy c = copies.get(thread);
            return c != null && (!perProcess || c.process() == process) ? c : new Copy(process, original);
        }

        private Context sub(Context ctx, int thread, int process) {
            return ctx.only(Threads.of(thread)).fork(perProcess ? process : thread);
        }

        @Override
        public GenResult op(Context ctx) {
            List<Integer> threads = ctx.threads().clientsOnly().toList();
            List<Generator> gens = new ArrayList<>(threads.size());
            for (int t : threads) {
                gens.add(copy(t, ctx.process(t)).gen());
            }
            Gather g = new Gather(gens);
            for (int i = 0; i < threads.size(); i++) {
                int t = threads.get(i);
                if (!g.add(i, gens.get(i).op(sub(ctx, t, ctx.process(t))))) {
                    break;
                }
            }
            return g.result(ctx, next -> {
                Map<Integer, Copy> m = new HashMap<>(copies);
                for (int i = 0; i < threads.size(); i++) {
                    if (next.get(i) != gens.get(i)) {
                        int t = threads.get(i);
                        m.put(t, new Copy(ctx.process(t), next.get(i)));
                    }
                }
                return new EachThread(original, perProcess, Map.copyOf(m));
            });
        }

        @Override
        public Generator update(Context ctx, Op event) {
            if (event.process() == Op.NEMESIS) {
                return this;
            }
            int t = ctx.thread(event.process());
            Copy c = copy(t, event.process());
            Generator updated = c.gen().update(sub(ctx, t, event.process()), event);
            if (updated == c.gen()) {
                return this;
            }
            Map<Integer, Copy> m = new HashMap<>(copies);
            m.put(t, new Copy(event.process(), updated));
            return new EachThread(original, perProcess, Map.copyOf(m));
        }
    }
}
