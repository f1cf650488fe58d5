package io.faultline.core.generator;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a generator may know when it is asked for an op: the time, which worker threads exist and
 * are free, which process each thread currently runs, and a seeded source of randomness. An
 * immutable value; every method returns a new context.
 *
 * <p><b>Threads and processes.</b> There are {@code concurrency} client threads {@code
 * 0..concurrency-1} and one nemesis thread {@link #NEMESIS_THREAD}. Client thread {@code t} starts as
 * process {@code t}; when an op of its process completes {@code info}, the thread continues as
 * process {@code p + concurrency} ({@link #renew(int)}), so {@code thread == process % concurrency}
 * always holds. The nemesis thread is always process {@link Op#NEMESIS}.
 *
 * <p><b>Visibility.</b> {@link #threads()} are the threads a generator may use; combinators such as
 * {@link Generators#clients(Generator)} hand their child a context restricted to some threads
 * ({@link #only(Threads)}). {@link #free()} is always a subset of {@link #threads()}.
 *
 * <p><b>Randomness.</b> Generators never use a global or wall-clock-seeded random source. The
 * {@link #seed()} is the test's seed, derived along the path from the root generator to the one
 * being asked: a combinator hands its {@code i}-th child {@link #fork(long) fork(i)}, and a generator
 * that draws several times keeps its own draw counter {@code n} and uses {@link #random(long)
 * random(n)}. Hence the values drawn depend only on the seed, the generator's place in the tree and
 * its own state, never on timing: the same generator asked with the same context returns the same
 * op, and a fault schedule draws the same faults whatever the clients do.
 *
 * @param time        nanoseconds since the start of the test, from the interpreter's clock
 * @param concurrency the number of client threads, {@code >= 1}
 * @param threads     the threads visible to the generator being asked
 * @param free        the visible threads with no op in flight; a subset of {@code threads}
 * @param processes   the current process of each client thread, indexed by thread
 * @param seed        the seed of this generator's random source (see above)
 * @param invocations how many ops have been invoked so far (spreads ops over free threads)
 */
public record Context(long time, int concurrency, Threads threads, Threads free, List<Integer> processes,
                      long seed, long invocations) {

    /** The thread of the nemesis; its process is always {@link Op#NEMESIS}. */
    public static final int NEMESIS_THREAD = -1;

    public Context {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        if (time < 0) {
            throw new IllegalArgumentException("time must be >= 0, was " + time);
        }
        processes = List.copyOf(processes);
        if (processes.size() != concurrency) {
            throw new IllegalArgumentException(
                    "processes must have one entry per client thread (" + concurrency + "), had " + processes.size());
        }
        if (!threads.containsAll(free)) {
            throw new IllegalArgumentException("free threads " + free + " must be visible threads " + threads);
        }
        if (invocations < 0) {
            throw new IllegalArgumentException("invocations must be >= 0, was " + invocations);
        }
    }

    /** The context at the start of a test: time 0, every thread free, thread {@code t} is process {@code t}. */
    public static Context initial(int concurrency, long seed) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        }
        List<Integer> ps = new ArrayList<>(concurrency);
        for (int t = 0; t < concurrency; t++) {
            ps.add(t);
        }
        Threads all = Threads.all(concurrency);
        return new Context(0, concurrency, all, all, ps, seed, 0);
    }

    // ---- time -----------------------------------------------------------------------------------

    /** This context at another time. */
    public Context withTime(long newTime) {
        return newTime == time ? this : new Context(newTime, concurrency, threads, free, processes, seed, invocations);
    }

    // ---- threads and processes ------------------------------------------------------------------

    /** The process that {@code thread} currently runs. */
    public int process(int thread) {
        if (thread == NEMESIS_THREAD) {
            return Op.NEMESIS;
        }
        if (thread < 0 || thread >= concurrency) {
            throw new IllegalArgumentException("thread must be in 0.." + (concurrency - 1) + " or -1, was " + thread);
        }
        return processes.get(thread);
    }

    /** The thread that runs (or ran) {@code process}: {@code process % concurrency}, or the nemesis thread. */
    public int thread(int process) {
        if (process == Op.NEMESIS) {
            return NEMESIS_THREAD;
        }
        if (process < 0) {
            throw new IllegalArgumentException("process must be >= 0 or NEMESIS, was " + process);
        }
        return process % concurrency;
    }

    /** True when {@code process} is the one its thread runs now (not one retired after an info). */
    public boolean isCurrent(int process) {
        return process(thread(process)) == process;
    }

    /** True when {@code thread} is visible and has no op in flight. */
    public boolean isFree(int thread) {
        return free.contains(thread);
    }

    /** The visible threads with an op in flight. */
    public Threads busy() {
        return threads.andNot(free);
    }

    /** True when no visible thread has an op in flight. */
    public boolean allFree() {
        return free.equals(threads);
    }

    /** The processes of the free visible threads, in thread order. */
    public List<Integer> freeProcesses() {
        return free.toList().stream().map(this::process).toList();
    }

    /** This context with {@code thread} running process {@code p + concurrency} (after an info). */
    public Context renew(int thread) {
        if (thread == NEMESIS_THREAD) {
            throw new IllegalArgumentException("the nemesis thread is never renewed");
        }
        List<Integer> ps = new ArrayList<>(processes);
        ps.set(thread, process(thread) + concurrency);
        return new Context(time, concurrency, threads, free, ps, seed, invocations);
    }

    /** This context seeing only those of its threads that are in {@code visible}. */
    public Context only(Threads visible) {
        Threads t = threads.and(visible);
        return t.equals(threads) ? this
                : new Context(time, concurrency, t, free.and(visible), processes, seed, invocations);
    }

    /** This context seeing only its client threads. */
    public Context clientsOnly() {
        return only(Threads.clients(concurrency));
    }

    /** This context seeing only the nemesis thread (if it sees it). */
    public Context nemesisOnly() {
        return only(Threads.of(NEMESIS_THREAD));
    }

    /**
     * The bookkeeping of an invocation: its thread becomes busy, the time becomes the op's time.
     *
     * @throws IllegalArgumentException naming the op when it is not an invocation of a current
     *                                  process on a free thread at or after this context's time
     */
    public Context invoked(Op op) {
        if (op.type() != OpType.INVOKE) {
            throw new IllegalArgumentException("op must be an invocation, was " + op);
        }
        if (op.time() < time) {
            throw new IllegalArgumentException("op time must be >= context time " + time + ", was " + op);
        }
        int thread = thread(op.process());
        if (!isCurrent(op.process())) {
            throw new IllegalArgumentException("op process must be the current process " + process(thread)
                    + " of thread " + thread + ", was " + op);
        }
        if (!isFree(thread)) {
            throw new IllegalArgumentException("op thread " + thread + " must be free, was busy: " + op);
        }
        return new Context(op.time(), concurrency, threads, free.without(thread), processes, seed, invocations + 1);
    }

    /**
     * The bookkeeping of a completion: its thread becomes free, and after an {@code info} of a
     * client the thread is {@linkplain #renew(int) renewed}; the time becomes the op's time.
     *
     * @throws IllegalArgumentException naming the op when it is not a completion of a busy current
     *                                  process at or after this context's time
     */
    public Context completed(Op op) {
        if (!op.type().isCompletion()) {
            throw new IllegalArgumentException("op must be a completion, was " + op);
        }
        if (op.time() < time) {
            throw new IllegalArgumentException("op time must be >= context time " + time + ", was " + op);
        }
        int thread = thread(op.process());
        if (!isCurrent(op.process()) || !threads.contains(thread) || isFree(thread)) {
            throw new IllegalArgumentException("op must complete an op in flight, was " + op);
        }
        Context c = new Context(op.time(), concurrency, threads, free.with(thread), processes, seed, invocations);
        return op.isInfo() && thread != NEMESIS_THREAD ? c.renew(thread) : c;
    }

    /**
     * Fills in an op template: an invocation at this context's time by the process of a free
     * visible thread, with the template's {@code f}, {@code value}, {@code error} and extra keys.
     * A template whose process is {@link Op#NEMESIS} goes to the nemesis thread; any other template
     * goes to a free client thread (spreading ops over them in turn), or to the nemesis thread when
     * the nemesis thread is the only visible thread (inside {@link Generators#nemesis(Generator)}).
     *
     * @return the invocation, or null when no suitable thread is free
     */
    public Op fillIn(Op template) {
        int thread;
        Threads clientThreads = threads.clientsOnly();
        if (template.process() == Op.NEMESIS || clientThreads.isEmpty()) {
            if (!isFree(NEMESIS_THREAD)) {
                return null;
            }
            thread = NEMESIS_THREAD;
        } else {
            Threads candidates = free.clientsOnly();
            if (candidates.isEmpty()) {
                return null;
            }
            thread = candidates.nth((int) (invocations % candidates.size()));
        }
        Map<String, Object> extra = template.extra();
        return new Op(-1, time, OpType.INVOKE, process(thread), template.f(), template.value(), template.error(), extra);
    }

    // ---- randomness -----------------------------------------------------------------------------

    /** The context to hand to child number {@code key}: same everything, a seed derived from {@code key}. */
    public Context fork(long key) {
        long s = mix64(seed ^ mix64(key * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
        return new Context(time, concurrency, threads, free, processes, s, invocations);
    }

    /** The random stream number {@code stream} of this context: a fresh source, the same for the same seed and stream. */
    public SplittableRandom random(long stream) {
        return new SplittableRandom(mix64(seed + 0xD1B54A32D192ED03L * (stream + 1)));
    }

    /** {@code random(0)}: for generators that draw once per context, such as {@link Generators#fn}. */
    public SplittableRandom random() {
        return random(0);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
