package io.faultline.checkers.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.model.Model;
import io.faultline.checkers.model.Models;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

/**
 * The search agrees with an exhaustive oracle (every subset of unknown-outcome ops, every order that
 * respects real time) on thousands of small random histories, valid and invalid alike.
 */
class BruteForceOracleTest {

    @Test
    void the_search_agrees_with_exhaustive_enumeration_on_small_random_register_histories() {
        int[] verdicts = agreeOn("cas-register", null, 4000, 1);
        assertThat(verdicts[0]).as("linearizable cases").isGreaterThan(400);
        assertThat(verdicts[1]).as("non-linearizable cases").isGreaterThan(400);
        agreeOn("register", 0L, 2000, 2);
    }

    @Test
    void the_search_agrees_with_exhaustive_enumeration_on_counters_mutexes_sets_and_multi_registers() {
        agreeOn("counter", null, 1500, 3);
        agreeOn("mutex", null, 1500, 4);
        agreeOn("set", null, 1000, 5);
        agreeOn("multi-register", Map.of(Keyword.newKeyword("x"), 0L), 1000, 6);
    }

    @Test
    void knossos_nil_reads_are_always_legal_but_by_default_nil_is_a_value() {
        History h = History.of(List.of(
                Op.invoke(0, "write", 1L), Op.invoke(0, "write", 1L).ok(1L),
                Op.invoke(1, "read", null), Op.invoke(1, "read", null).ok(null)));
        assertThat(Linearizability.check(Models.byName("cas-register", null, false), Options.defaults(), h).valid())
                .isEqualTo(Validity.FALSE);
        assertThat(Linearizability.check(Models.byName("cas-register", null, true), Options.defaults(), h).valid())
                .isEqualTo(Validity.TRUE);
    }

    private static int[] agreeOn(String modelName, Object initial, int cases, long salt) {
        int[] counts = new int[2];
        for (long seed = 0; seed < cases; seed++) {
            SplittableRandom r = new SplittableRandom(seed * 1000 + salt);
            boolean knossos = r.nextInt(4) == 0;
            Model<?> model = Models.byName(modelName, initial, knossos);
            History h = randomHistory(modelName, r);
            boolean expected = oracle(model, h);
            Validity actual = Linearizability.check(model, Options.defaults(), h).valid();
            assertThat(actual).as("%s seed %d knossos %s: %s", modelName, seed, knossos, h.asList())
                    .isEqualTo(Validity.of(expected));
            counts[expected ? 0 : 1]++;
        }
        return counts;
    }

    /** A few processes doing 1..8 random ops over random overlapping windows. */
    static History randomHistory(String model, SplittableRandom r) {
        int processes = 1 + r.nextInt(4);
        int ops = 1 + r.nextInt(8);
        record Ev(double time, Op op) {
        }
        List<Ev> events = new ArrayList<>();
        double[] clock = new double[processes];
        int[] pid = new int[processes];
        for (int p = 0; p < processes; p++) pid[p] = p;
        for (int i = 0; i < ops; i++) {
            int slot = r.nextInt(processes);
            if (clock[slot] < 0) continue;
            Object[] call = randomCall(model, r);
            Op inv = Op.invoke(pid[slot], (String) call[0], call[1]);
            double start = clock[slot] + r.nextDouble() * 3;
            double end = start + r.nextDouble() * 6;
            events.add(new Ev(start, inv));
            int fate = r.nextInt(20);
            if (fate == 0) {
                clock[slot] = -1;
            } else {
                OpType type = fate < 3 ? OpType.INFO : fate < 5 ? OpType.FAIL : OpType.OK;
                Object value = type == OpType.OK && call[2] != null ? call[2] : call[1];
                events.add(new Ev(end, new Op(-1, -1, type, pid[slot], inv.f(), value, null, Map.of())));
                clock[slot] = end;
                if (type == OpType.INFO) pid[slot] += processes;
            }
        }
        events.sort((a, b) -> Double.compare(a.time, b.time));
        List<Op> list = new ArrayList<>();
        for (Ev e : events) list.add(e.op);
        return History.of(list, "random");
    }

    /** {f, invocation value, ok completion value or null to keep the invocation's}. */
    private static Object[] randomCall(String model, SplittableRandom r) {
        long v = r.nextInt(3);
        Object maybeNil = r.nextInt(5) == 0 ? null : (Object) v;
        return switch (model) {
            case "register", "cas-register" -> switch (r.nextInt(model.equals("register") ? 2 : 3)) {
                case 0 -> new Object[] {"read", null, maybeNil};
                case 1 -> new Object[] {"write", v, null};
                default -> new Object[] {"cas", List.of((long) r.nextInt(3), v), null};
            };
            case "counter" -> r.nextBoolean() ? new Object[] {"read", null, (long) r.nextInt(5)} : new Object[] {"add", v, null};
            case "mutex" -> new Object[] {r.nextBoolean() ? "acquire" : "release", null, null};
            case "set" -> {
                if (r.nextBoolean()) yield new Object[] {"add", v, null};
                Set<Object> read = new HashSet<>();
                for (long e = 0; e < 3; e++) if (r.nextBoolean()) read.add(e);
                yield new Object[] {"read", null, List.copyOf(read)};
            }
            default -> {
                Keyword x = Keyword.newKeyword("x");
                Keyword read = Keyword.newKeyword("read");
                Keyword write = Keyword.newKeyword("write");
                yield r.nextBoolean()
                        ? new Object[] {"txn", List.of(java.util.Arrays.asList(read, x, null)), List.of(List.of(read, x, v))}
                        : new Object[] {"txn", List.of(List.of(write, x, v)), null};
            }
        };
    }

    /** Exhaustive: is there a subset of unknown ops and an order respecting real time that the model accepts? */
    static <S> boolean oracle(Model<S> model, History h) {
        List<Op> inv = new ArrayList<>();
        List<Op> comp = new ArrayList<>();
        List<int[]> window = new ArrayList<>();
        for (int p = 0; p < h.size(); p++) {
            if (!h.get(p).isInvoke()) continue;
            Op done = h.completionOf(p);
            if (done != null && done.isFail()) continue;
            inv.add(h.get(p));
            comp.add(done != null && done.isOk() ? done : null);
            window.add(new int[] {p, done != null && done.isOk() ? h.pairPosition(p) : Integer.MAX_VALUE});
        }
        return search(model, inv, comp, window, 0, model.init(), new HashSet<>());
    }

    private static <S> boolean search(Model<S> model, List<Op> inv, List<Op> comp, List<int[]> window, int done, S state,
                                      Set<List<Object>> seen) {
        int n = inv.size();
        boolean allOk = true;
        for (int i = 0; i < n; i++) if (comp.get(i) != null && (done & (1 << i)) == 0) allOk = false;
        if (allOk) return true;
        if (!seen.add(List.of(done, state))) return false;
        for (int x = 0; x < n; x++) {
            if ((done & (1 << x)) != 0) continue;
            boolean ready = true;
            for (int y = 0; y < n; y++) {
                if (y != x && (done & (1 << y)) == 0 && comp.get(y) != null && window.get(y)[1] < window.get(x)[0]) ready = false;
            }
            if (!ready) continue;
            S after = model.step(state, inv.get(x), comp.get(x));
            if (after != null && search(model, inv, comp, window, done | (1 << x), after, seen)) return true;
        }
        return false;
    }
}
