package io.faultline.checkers.sim;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Simulates concurrent clients of a correct (linearizable) object and records the history, for tests and
 * benchmarks. Each operation takes effect at a linearization point chosen strictly inside its
 * invoke..complete window; an op that times out ({@code :info}) or whose process crashes (no completion)
 * takes effect with probability 1/2, possibly after its info completion. A process whose op ends info or
 * crashes continues as a new process ({@code p + processes}). The history is therefore linearizable,
 * unless {@link Config#lostWriteRate} drops the effect of some ok writes.
 *
 * <p>Deterministic for a seed. Not thread-safe; use one instance per history.
 */
public final class Simulator {

    /**
     * What to simulate.
     *
     * @param model        {@code register}, {@code cas-register}, {@code set} or {@code counter}
     * @param processes    concurrent client processes, at least 1
     * @param ops          invocations to make
     * @param keys         1 for a single object, more for an independent history of {@code [key value]} tuples
     * @param infoRate     fraction of ops that time out ({@code :info})
     * @param crashRate    fraction of ops whose process crashes (never completed)
     * @param values       writes and cas draw values from 0..values-1, or 0 for unique increasing values
     * @param lostWriteRate fraction of ok writes (and adds) whose effect is silently lost: a bug
     * @param seed         the random seed
     */
    public record Config(String model, int processes, int ops, int keys, double infoRate, double crashRate,
                         int values, double lostWriteRate, long seed) {
        public Config {
            if (!List.of("register", "cas-register", "set", "counter").contains(model)) {
                throw new IllegalArgumentException("cannot simulate model " + model
                        + "; known: register, cas-register, set, counter");
            }
            if (processes < 1 || ops < 0 || keys < 1) {
                throw new IllegalArgumentException("need processes >= 1, ops >= 0, keys >= 1, got " + processes + ", " + ops + ", " + keys);
            }
        }

        /** A single-key config without bugs. */
        public static Config of(String model, int processes, int ops, double infoRate, double crashRate, long seed) {
            return new Config(model, processes, ops, 1, infoRate, crashRate, 0, 0, seed);
        }

        public Config withValues(int v) {
            return new Config(model, processes, ops, keys, infoRate, crashRate, v, lostWriteRate, seed);
        }

        public Config withKeys(int k) {
            return new Config(model, processes, ops, k, infoRate, crashRate, values, lostWriteRate, seed);
        }

        public Config withLostWrites(double rate) {
            return new Config(model, processes, ops, keys, infoRate, crashRate, values, rate, seed);
        }
    }

    private enum Fate { OK, INFO, CRASH }

    private static final int INVOKE = 0;
    private static final int LINEARIZE = 1;
    private static final int COMPLETE = 2;
    private static final int SPAN = 20;
    private static final long TICK_NANOS = 1_000_000;

    private record Event(long time, long seq, int kind, int slot, Pending op) {
    }

    private static final class Pending {
        int process;
        String f;
        Object key;
        Object argument;
        Fate fate;
        boolean effect = true;
        boolean failed;
        Object result;
    }

    private final Config config;
    private final SplittableRandom random;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final Map<Object, Object> state = new HashMap<>();
    private final Consumer<Op> out;
    private long emitted;
    private final int[] processOf;
    private long seq;
    private long invoked;
    private long unique;

    private Simulator(Config config, Consumer<Op> out) {
        this.config = config;
        this.out = out;
        this.random = new SplittableRandom(config.seed());
        this.processOf = new int[config.processes()];
    }

    /** Simulates and returns the history (indices and times set). */
    public static History generate(Config config) {
        List<Op> ops = new ArrayList<>();
        new Simulator(config, ops::add).run();
        return History.of(ops, "simulated " + config.model());
    }

    /**
     * Simulates and hands each op, in order, to {@code sink} without keeping the history, for histories
     * larger than memory; the same ops as {@link #generate} for the same config.
     */
    public static void stream(Config config, Consumer<Op> sink) {
        new Simulator(config, sink).run();
    }

    private void run() {
        for (int s = 0; s < processOf.length; s++) {
            processOf[s] = s;
            schedule(1 + random.nextInt(SPAN), INVOKE, s, null);
        }
        while (!events.isEmpty()) {
            Event e = events.poll();
            switch (e.kind) {
                case INVOKE -> invoke(e.time, e.slot);
                case LINEARIZE -> linearize(e.op);
                default -> complete(e.time, e.slot, e.op);
            }
        }
    }

    private void schedule(long time, int kind, int slot, Pending op) {
        events.add(new Event(time, seq++, kind, slot, op));
    }

    private void invoke(long t, int slot) {
        if (invoked >= config.ops()) return;
        invoked++;
        Pending p = new Pending();
        p.process = processOf[slot];
        p.key = config.keys() > 1 ? (long) random.nextInt(config.keys()) : null;
        choose(p);
        emit(t, OpType.INVOKE, p, p.argument);
        double r = random.nextDouble();
        p.fate = r < config.crashRate() ? Fate.CRASH : r < config.crashRate() + config.infoRate() ? Fate.INFO : Fate.OK;
        if (p.fate == Fate.OK) {
            long lin = t + 1 + random.nextInt(SPAN);
            schedule(lin, LINEARIZE, slot, p);
            schedule(lin + 1 + random.nextInt(SPAN), COMPLETE, slot, p);
        } else {
            p.effect = random.nextBoolean();
            if (p.effect) schedule(t + 1 + random.nextInt(3 * SPAN), LINEARIZE, slot, p);
            if (p.fate == Fate.INFO) {
                schedule(t + 1 + random.nextInt(2 * SPAN), COMPLETE, slot, p);
            } else {
                processOf[slot] += config.processes();
                schedule(t + 1 + random.nextInt(2 * SPAN), INVOKE, slot, null);
            }
        }
    }

    private void choose(Pending p) {
        int r = random.nextInt(100);
        switch (config.model()) {
            case "register" -> {
                if (r < 50) read(p);
                else write(p, "write", value());
            }
            case "cas-register" -> {
                if (r < 40) read(p);
                else if (r < 70) write(p, "write", value());
                else {
                    Object current = state.get(p.key);
                    Object expected = random.nextBoolean() && current != null ? current : value();
                    write(p, "cas", List.of(expected, value()));
                }
            }
            case "set" -> {
                if (r < 30) read(p);
                else write(p, "add", ++unique);
            }
            default -> {
                if (r < 40) read(p);
                else write(p, "add", (long) (1 + random.nextInt(3)));
            }
        }
    }

    private void read(Pending p) {
        p.f = "read";
        p.argument = null;
    }

    private void write(Pending p, String f, Object argument) {
        p.f = f;
        p.argument = argument;
    }

    private Object value() {
        return config.values() > 0 ? (Object) (long) random.nextInt(config.values()) : (Object) (++unique);
    }

    private void linearize(Pending p) {
        if (!p.effect) return;
        Object current = state.get(p.key);
        boolean lost = p.fate == Fate.OK && !p.f.equals("read") && random.nextDouble() < config.lostWriteRate();
        switch (p.f) {
            case "read" -> p.result = readOf(current);
            case "write" -> {
                if (!lost) state.put(p.key, p.argument);
            }
            case "cas" -> {
                List<?> cas = (List<?>) p.argument;
                if (Objects.equals(current, cas.get(0))) {
                    if (!lost) state.put(p.key, cas.get(1));
                } else {
                    p.failed = true;
                }
            }
            default -> { // add
                if (lost) return;
                if (config.model().equals("set")) {
                    @SuppressWarnings("unchecked")
                    TreeSet<Object> next = current == null ? new TreeSet<>() : new TreeSet<>((TreeSet<Object>) current);
                    next.add(p.argument);
                    state.put(p.key, next);
                } else {
                    state.put(p.key, (current == null ? 0L : (Long) current) + (Long) p.argument);
                }
            }
        }
    }

    private Object readOf(Object current) {
        return switch (config.model()) {
            case "set" -> current == null ? List.of() : List.copyOf((TreeSet<?>) current);
            case "counter" -> current == null ? 0L : current;
            default -> current;
        };
    }

    private void complete(long t, int slot, Pending p) {
        if (p.fate == Fate.INFO) {
            emit(t, OpType.INFO, p, p.argument);
            processOf[slot] += config.processes();
        } else if (p.failed) {
            emit(t, OpType.FAIL, p, p.argument);
        } else {
            emit(t, OpType.OK, p, p.f.equals("read") ? p.result : p.argument);
        }
        schedule(t + 1 + random.nextInt(SPAN), INVOKE, slot, null);
    }

    private void emit(long t, OpType type, Pending p, Object value) {
        Object v = config.keys() > 1 ? java.util.Arrays.asList(p.key, value) : value;
        out.accept(new Op(emitted++, t * TICK_NANOS, type, p.process, p.f, v, type == OpType.INFO ? "timeout" : null, Map.of()));
    }
}
