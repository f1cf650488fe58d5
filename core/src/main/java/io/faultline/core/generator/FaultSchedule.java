package io.faultline.core.generator;

import io.faultline.core.op.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The nemesis's schedule: wait {@code interval}; start a fault of a kind drawn from the seeded
 * random source; wait {@code interval} after that op completes; stop it; wait {@code interval}
 * after the stop completes; start another; and so on, forever (bound it with
 * {@link Generators#timeLimit}). Ops are nemesis invocations, {@code Op.invoke(Op.NEMESIS, f,
 * value)}, which go to the nemesis thread only; the nemesis completes them {@code info}.
 *
 * <p>The kinds drawn depend only on the seed and the schedule's place in the generator tree, not
 * on timing, so the same seed gives the same sequence of faults in a real run too. After the time
 * limit, run {@link #finalPhase()} so that no fault outlives the test:
 *
 * <pre>{@code
 * FaultSchedule faults = FaultSchedule.of(List.of(FaultKind.partition(Keyword.newKeyword("majority")),
 *                                                  FaultKind.kill("primaries")), Duration.ofSeconds(10));
 * Generator gen = phases(any(clients(workload), faults).timeLimit(Duration.ofSeconds(60)),
 *                        faults.finalPhase());
 * }</pre>
 *
 * An immutable value, like every generator.
 */
public final class FaultSchedule implements Generator {

    /** The interval used when none is given. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private enum Phase { FIRST, START_DUE, AWAIT_START, STOP_DUE, AWAIT_STOP }

    private final List<FaultKind> kinds;
    private final long intervalNanos;
    private final Phase phase;
    private final long nextTime;
    private final long started;
    private final int current;

    private FaultSchedule(List<FaultKind> kinds, long intervalNanos, Phase phase, long nextTime, long started,
                          int current) {
        this.kinds = kinds;
        this.intervalNanos = intervalNanos;
        this.phase = phase;
        this.nextTime = nextTime;
        this.started = started;
        this.current = current;
    }

    /**
     * A schedule of faults of the {@code enabled} kinds, one every {@code interval}.
     *
     * @throws IllegalArgumentException when {@code enabled} is empty or {@code interval} is not positive
     */
    public static FaultSchedule of(List<FaultKind> enabled, Duration interval) {
        List<FaultKind> k = List.copyOf(enabled);
        if (k.isEmpty()) {
            throw new IllegalArgumentException("enabled fault kinds must not be empty, was " + enabled);
        }
        return new FaultSchedule(k, Generators.positiveNanos("fault interval", interval), Phase.FIRST, 0, 0, -1);
    }

    /** A schedule with the {@linkplain #DEFAULT_INTERVAL default interval} of 10 s. */
    public static FaultSchedule of(List<FaultKind> enabled) {
        return of(enabled, DEFAULT_INTERVAL);
    }

    /**
     * The ops that end every fault of {@code kinds}: each distinct stop op once, in the order of
     * the kinds, on the nemesis thread (heal the network, resume paused, restart killed).
     */
    public static Generator finalPhase(List<FaultKind> kinds) {
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<Op> ops = new ArrayList<>();
        for (FaultKind k : kinds) {
            if (k.hasStop() && seen.add(java.util.Arrays.asList(k.stopF(), k.stopValue()))) {
                ops.add(Op.invoke(Op.NEMESIS, k.stopF(), k.stopValue()));
            }
        }
        return Generators.nemesis(Generators.ops(ops));
    }

    /** {@link #finalPhase(List)} of this schedule's kinds. */
    public Generator finalPhase() {
        return finalPhase(kinds);
    }

    /** The kinds of fault this schedule draws from. */
    public List<FaultKind> kinds() {
        return kinds;
    }

    /** The time between faults. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    @Override
    public GenResult op(Context ctx) {
        switch (phase) {
            case FIRST:
                long first = ctx.time() + intervalNanos;
                return GenResult.pending(with(Phase.START_DUE, first, started, current), first);
            case START_DUE: {
                if (ctx.time() < nextTime) {
                    return GenResult.pending(this, nextTime);
                }
                int k = ctx.random(started).nextInt(kinds.size());
                FaultKind kind = kinds.get(k);
                return emit(ctx, Op.invoke(Op.NEMESIS, kind.startF(), kind.startValue()),
                        with(Phase.AWAIT_START, nextTime, started + 1, k));
            }
            case STOP_DUE: {
                FaultKind kind = kinds.get(current);
                if (!kind.hasStop()) {
                    return with(Phase.START_DUE, nextTime, started, current).op(ctx);
                }
                if (ctx.time() < nextTime) {
                    return GenResult.pending(this, nextTime);
                }
                return emit(ctx, Op.invoke(Op.NEMESIS, kind.stopF(), kind.stopValue()),
                        with(Phase.AWAIT_STOP, nextTime, started, current));
            }
            default:
                // Awaiting our op's completion. Normally update() sees it; should an enclosing
                // generator not pass events on, a free nemesis thread tells us it is over.
                return ctx.isFree(Context.NEMESIS_THREAD) ? afterCompletion(ctx.time()).op(ctx)
                        : GenResult.pending(this);
        }
    }

    @Override
    public Generator update(Context ctx, Op event) {
        boolean ours = event.process() == Op.NEMESIS && event.type().isCompletion();
        return ours && (phase == Phase.AWAIT_START || phase == Phase.AWAIT_STOP) ? afterCompletion(event.time()) : this;
    }

    private FaultSchedule afterCompletion(long time) {
        Phase next = phase == Phase.AWAIT_START ? Phase.STOP_DUE : Phase.START_DUE;
        return with(next, time + intervalNanos, started, current);
    }

    /** Emits {@code template} on the nemesis thread and moves to {@code next}; pending while the thread is busy. */
    private GenResult emit(Context ctx, Op template, FaultSchedule next) {
        Op op = ctx.fillIn(template);
        return op == null ? GenResult.pending(this) : GenResult.emit(op, next);
    }

    private FaultSchedule with(Phase p, long time, long n, int k) {
        return new FaultSchedule(kinds, intervalNanos, p, time, n, k);
    }

    @Override
    public String toString() {
        return "FaultSchedule[" + phase + " at " + nextTime + ", started " + started + ", kinds " + kinds + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultSchedule f && kinds.equals(f.kinds) && intervalNanos == f.intervalNanos
                && phase == f.phase && nextTime == f.nextTime && started == f.started && current == f.current;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kinds, intervalNanos, phase, nextTime, started, current);
    }
}
