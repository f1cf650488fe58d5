package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The generator DSL: static factories for sources and combinators. Every generator returned is an
 * immutable value (see {@link Generator} for the contract) and may be reused in several places.
 *
 * <p>Op templates: sources take {@link Op} templates whose {@code f}, {@code value} (and
 * {@code error}, extra keys) are kept; the generator fills in the time and the process of a free
 * thread ({@link Context#fillIn(Op)}). A template made with {@code Op.invoke(Op.NEMESIS, f, v)}
 * goes to the nemesis thread; any other goes to a client thread.
 *
 * <pre>{@code
 * Generator workload = mix(fn(ctx -> Op.invoke(0, "write", (long) ctx.random().nextInt(5))),
 *                          op("read", null))
 *         .stagger(Duration.ofMillis(10));
 * Generator test = phases(
 *         any(clients(workload), nemesis(FaultSchedule.of(kinds, Duration.ofSeconds(10))))
 *                 .timeLimit(Duration.ofSeconds(60)),
 *         nemesis(FaultSchedule.finalPhase(kinds)),
 *         sleep(Duration.ofSeconds(5)),
 *         clients(eachThread(op("read", null))));
 * }</pre>
 */
public final class Generators {

    private Generators() {
    }

    // ---- sources --------------------------------------------------------------------------------

    /** Emits nothing. */
    public static Generator empty() {
        return Sources.Empty.INSTANCE;
    }

    /** Emits the op {@code f value} once, by a free client thread. */
    public static Generator op(String f, Object value) {
        return new Sources.Once(Op.invoke(0, Objects.requireNonNull(f, "f"), value));
    }

    /** Emits {@code template}, filled in, once. */
    public static Generator op(Op template) {
        return new Sources.Once(template);
    }

    /** Emits each template once, in order. */
    public static Generator ops(List<Op> templates) {
        return seq(templates.stream().map(Generators::op).toList());
    }

    /**
     * An op template from {@code fn} for every op, forever, until {@code fn} returns null. The
     * context given to {@code fn} has a seed of its own for each call: draw from
     * {@link Context#random()}. {@code fn} must be pure: no clock, no global random, no side effects.
     */
    public static Generator fn(Function<Context, Op> fn) {
        return new Sources.Fn(fn, 0);
    }

    /** An op template from {@code supplier} for every op, forever, until it returns null. */
    public static Generator supply(Supplier<Op> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return fn(ctx -> supplier.get());
    }

    /** Logs {@code message} (the interpreter writes it to the test's log; it is no op). */
    public static Generator log(String message) {
        return new Sources.LogMessage(message);
    }

    // ---- order ----------------------------------------------------------------------------------

    /** Each generator in turn: all of the first, then all of the second, ... */
    public static Generator seq(Generator... gens) {
        return seq(Arrays.asList(gens));
    }

    /** Each generator in turn. */
    public static Generator seq(List<Generator> gens) {
        return Sequencing.Seq.of(gens);
    }

    /**
     * Each generator in turn, each one starting only when every op of the one before has
     * completed (every visible thread is free): {@code seq} of {@link #synchronize}.
     */
    public static Generator phases(Generator... gens) {
        return seq(Arrays.stream(gens).map(Generators::synchronize).toList());
    }

    /** Waits until every visible thread is free, then behaves as {@code gen}. */
    public static Generator synchronize(Generator gen) {
        return new Sequencing.Synchronize(gen);
    }

    /** The first op of {@code gen} only. */
    public static Generator once(Generator gen) {
        return limit(1, gen);
    }

    /** The first op of {@code gen}, forever ({@code gen} is asked afresh each time, with a new seed). */
    public static Generator repeat(Generator gen) {
        return new Sequencing.Repeat(-1, 0, Objects.requireNonNull(gen, "gen"));
    }

    /** The first op of {@code gen}, {@code times} times. */
    public static Generator repeat(long times, Generator gen) {
        requireAtLeast("times", times, 0);
        return new Sequencing.Repeat(times, 0, Objects.requireNonNull(gen, "gen"));
    }

    /** All of {@code gen}, again and again, forever (ends if a round emits nothing at all). */
    public static Generator cycle(Generator gen) {
        return new Sequencing.Cycle(-1, 0, gen, gen, false);
    }

    /** All of {@code gen}, {@code times} times over. */
    public static Generator cycle(long times, Generator gen) {
        requireAtLeast("times", times, 0);
        return new Sequencing.Cycle(times, 0, gen, gen, false);
    }

    /** An op of {@code a}, then one of {@code b}, then of {@code a}...; ends when the one whose turn it is ends. */
    public static Generator flipFlop(Generator a, Generator b) {
        return new Sequencing.FlipFlop(List.of(a, b), 0);
    }

    /** At most {@code n} ops of {@code gen}. */
    public static Generator limit(long n, Generator gen) {
        requireAtLeast("limit", n, 0);
        return new Sequencing.Limit(n, Objects.requireNonNull(gen, "gen"));
    }

    /** Ops of {@code gen} until one of them completes {@code ok} (ops already in flight still complete). */
    public static Generator untilOk(Generator gen) {
        return new Sequencing.UntilOk(Objects.requireNonNull(gen, "gen"), Set.of(), false);
    }

    // ---- choice ---------------------------------------------------------------------------------

    /** A random choice among {@code gens} for each op (seeded; see {@link Context}); ends when all have ended. */
    public static Generator mix(Generator... gens) {
        return mix(Arrays.asList(gens));
    }

    /** A random choice among {@code gens} for each op. */
    public static Generator mix(List<Generator> gens) {
        List<Generator> g = List.copyOf(gens);
        return new Routing.Mix(g, IntStream.range(0, g.size()).boxed().toList(), 0);
    }

    /** Whichever of {@code gens} offers the soonest op; all of them see every event. */
    public static Generator any(Generator... gens) {
        return new Routing.Any(List.of(gens));
    }

    // ---- time -----------------------------------------------------------------------------------

    /**
     * Ops of {@code gen} at random intervals, uniform in {@code [0, 2 * meanInterval)}: a total rate
     * (over all threads) of one op per {@code meanInterval} while threads are free to take them.
     */
    public static Generator stagger(Duration meanInterval, Generator gen) {
        long mean = positiveNanos("mean interval", meanInterval);
        return new Timing.Stagger(mean, 0, 0, Objects.requireNonNull(gen, "gen"));
    }

    /** {@link #stagger} at {@code opsPerSecond} ops a second in total. */
    public static Generator rate(double opsPerSecond, Generator gen) {
        if (!(opsPerSecond > 0) || Double.isInfinite(opsPerSecond)) {
            throw new IllegalArgumentException("rate must be > 0 and finite, was " + opsPerSecond);
        }
        return stagger(Duration.ofNanos(Math.max(1, Math.round(1e9 / opsPerSecond))), gen);
    }

    /** Ops of {@code gen} at least {@code interval} apart (the first at once). */
    public static Generator delay(Duration interval, Generator gen) {
        long nanos = positiveNanos("interval", interval);
        return new Timing.Delay(nanos, 0, Objects.requireNonNull(gen, "gen"));
    }

    /** Ops of {@code gen} until {@code limit} after the time of its first op. */
    public static Generator timeLimit(Duration limit, Generator gen) {
        long nanos = positiveNanos("time limit", limit);
        return new Timing.TimeLimit(nanos, Timing.UNSET, Objects.requireNonNull(gen, "gen"));
    }

    /** Emits nothing for {@code duration} from when it is first asked; takes no thread. */
    public static Generator sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("sleep duration must be >= 0, was " + duration);
        }
        return new Timing.Sleep(duration.toNanos(), Timing.UNSET);
    }

    // ---- threads --------------------------------------------------------------------------------

    /** {@code gen} on the client threads only (it sees only them and their events). */
    public static Generator clients(Generator gen) {
        return new Routing.OnThreads(Routing.Side.CLIENTS, Objects.requireNonNull(gen, "gen"));
    }

    /** {@code gen} on the nemesis thread only (it sees only it and its events). */
    public static Generator nemesis(Generator gen) {
        return new Routing.OnThreads(Routing.Side.NEMESIS, Objects.requireNonNull(gen, "gen"));
    }

    /** {@code clients(clientGen)} and {@code nemesis(nemesisGen)} side by side. */
    public static Generator clientsAndNemesis(Generator clientGen, Generator nemesisGen) {
        return any(clients(clientGen), nemesis(nemesisGen));
    }

    /**
     * A copy of {@code gen} for each client thread, seeing only that thread (and with a seed of its
     * own); the copy carries on when the thread's process is renewed. The nemesis thread gets no copy.
     */
    public static Generator eachThread(Generator gen) {
        return new Routing.EachThread(Objects.requireNonNull(gen, "gen"), false, Map.of());
    }

    /** Like {@link #eachThread}, but a fresh copy for each process: a renewed process starts {@code gen} over. */
    public static Generator eachProcess(Generator gen) {
        return new Routing.EachThread(Objects.requireNonNull(gen, "gen"), true, Map.of());
    }

    // ---- validation -----------------------------------------------------------------------------

    static long positiveNanos(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0, was " + d);
        }
        return d.toNanos();
    }

    private static void requireAtLeast(String what, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", was " + value);
        }
    }
}
