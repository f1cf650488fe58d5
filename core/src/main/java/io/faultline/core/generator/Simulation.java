package io.faultline.core.generator;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A pure, single-threaded interpreter of a {@link Generator} against a simulated system, in
 * simulated time: for tests of generators and for the runner's dry run. It follows the
 * interpreter contract of {@link Generator} step by step through a {@link Scheduler}, so the
 * runner's loop is this one with real workers and a real clock. No real time passes.
 *
 * <p>Each invocation completes after a latency given by the {@link LatencyModel}; nemesis ops
 * always complete {@code info} (as the nemesis records them). The same arguments always give the
 * same history.
 */
public final class Simulation {

    private Simulation() {
    }

    /**
     * The outcome of a simulation.
     *
     * @param history the invocations and completions, indexed densely from 0, in time order
     * @param logs    the log messages, each prefixed with its time in ns and a space
     */
    public record Trace(List<Op> history, List<String> logs) {
        public Trace {
            history = List.copyOf(history);
            logs = List.copyOf(logs);
        }

        /** The invocations only. */
        public List<Op> invocations() {
            return history.stream().filter(Op::isInvoke).toList();
        }
    }

    /**
     * Runs {@code gen} and returns the history.
     *
     * @param concurrency the number of client threads, {@code >= 1}
     * @param seed        the test's seed: seeds the generator's context and the latency model
     * @param latency     how the simulated system completes ops
     * @param limit       the most invocations to make, {@code >= 0}; after that the ops in flight
     *                    complete and the simulation stops (so that infinite generators end)
     */
    public static List<Op> run(Generator gen, int concurrency, long seed, LatencyModel latency, long limit) {
        return trace(gen, concurrency, seed, latency, limit).history();
    }

    /** Like {@link #run}, with the log messages too. */
    public static Trace trace(Generator gen, int concurrency, long seed, LatencyModel latency, long limit) {
        Objects.requireNonNull(gen, "gen");
        Objects.requireNonNull(latency, "latency");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        Scheduler scheduler = new Scheduler(gen, concurrency, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        PriorityQueue<Timed> completions = new PriorityQueue<>(
                Comparator.comparingLong(Timed::time).thenComparingLong(Timed::order));
        List<Op> history = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        long now = 0;
        long invoked = 0;
        long order = 0;
        while (true) {
            // Completions first: every completion due by now, before asking for an op.
            if (!completions.isEmpty() && completions.peek().time() <= now) {
                Op done = completions.poll().op();
                history.add(done.withIndex(history.size()));
                scheduler.complete(done);
                continue;
            }
            if (invoked >= limit) {
                if (completions.isEmpty()) {
                    break;
                }
                now = completions.peek().time();
                continue;
            }
            Scheduler.Step step = scheduler.next(now);
            if (step instanceof Scheduler.Dispatch d) {
                Op op = d.op();
                history.add(op.withIndex(history.size()));
                invoked++;
                LatencyModel.Outcome o = latency.complete(op, random.split());
                OpType type = op.isNemesis() ? OpType.INFO : o.type();
                Op done = switch (type) {
                    case OK -> op.ok(op.value());
                    case FAIL -> op.fail("simulated");
                    default -> op.info(op.isNemesis() ? null : "simulated");
                };
                completions.add(new Timed(now + o.latencyNanos(), order++, done.withTime(now + o.latencyNanos())));
            } else if (step instanceof Scheduler.Log l) {
                logs.add(now + " " + l.message());
            } else if (step instanceof Scheduler.Wait w) {
                long next = completions.isEmpty() ? w.until() : Math.min(w.until(), completions.peek().time());
                now = next;
            } else {
                break;
            }
        }
        return new Trace(history, logs);
    }

    private record Timed(long time, long order, Op op) {
    }
}
