package io.faultline.checkers.linearizability;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.model.Model;
import io.faultline.checkers.model.Models;
import io.faultline.checkers.sim.Simulator;
import io.faultline.checkers.sim.Simulator.Config;
import io.faultline.checkers.sim.Witness;
import io.faultline.checkers.sim.Witness.Call;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded simulated executions: correct ones must be linearizable, and ones with injected
 * lost writes, stale reads and impossible reads (certainly not linearizable, by {@link Witness}) must not.
 */
class GeneratedHistoriesTest {

    private static final Options OPTIONS = Options.defaults().withTimeLimit(java.time.Duration.ofSeconds(20));

    private static Config randomConfig(String model, long seed, int maxOps) {
        SplittableRandom r = new SplittableRandom(seed);
        Config c = Config.of(model, 1 + r.nextInt(8), 10 + r.nextInt(maxOps), r.nextDouble() * 0.3,
                r.nextDouble() * 0.1, seed);
        return r.nextBoolean() ? c : c.withValues(2 + r.nextInt(4));
    }

    private static Result check(String model, History h) {
        Model<?> m = Models.byName(model, null, false);
        return Linearizability.check(m, OPTIONS, h);
    }

    @Test
    void correct_register_histories_with_timeouts_and_crashes_are_linearizable() {
        for (long seed = 0; seed < 1500; seed++) {
            History h = Simulator.generate(randomConfig("register", seed, 150));
            assertThat(check("register", h).valid()).as("seed %d", seed).isEqualTo(Validity.TRUE);
        }
    }

    @Test
    void correct_cas_register_histories_with_timeouts_and_crashes_are_linearizable() {
        for (long seed = 0; seed < 1500; seed++) {
            History h = Simulator.generate(randomConfig("cas-register", seed, 150));
            assertThat(check("cas-register", h).valid()).as("seed %d", seed).isEqualTo(Validity.TRUE);
        }
    }

    @Test
    void correct_counter_and_set_histories_are_linearizable() {
        for (long seed = 0; seed < 500; seed++) {
            History counter = Simulator.generate(randomConfig("counter", seed, 80));
            assertThat(check("counter", counter).valid()).as("seed %d", seed).isEqualTo(Validity.TRUE);
            History set = Simulator.generate(randomConfig("set", seed, 40));
            assertThat(check("set", set).valid()).as("seed %d", seed).isEqualTo(Validity.TRUE);
        }
    }

    @Test
    void lost_writes_that_a_later_read_exposes_are_not_linearizable() {
        int exposed = 0;
        for (long seed = 0; seed < 20_000 && exposed < 1000; seed++) {
            String model = seed % 2 == 0 ? "register" : "cas-register";
            History h = Simulator.generate(randomConfig(model, seed, 120).withValues(0).withLostWrites(0.3));
            if (!Witness.registerViolation(h, null)) continue;
            exposed++;
            Result r = check(model, h);
            assertThat(r.valid()).as("seed %d", seed).isEqualTo(Validity.FALSE);
            assertThat(r.details().get("counterexample")).isInstanceOf(Counterexample.class);
        }
        assertThat(exposed).isEqualTo(1000);
    }

    @Test
    void stale_reads_of_overwritten_values_are_not_linearizable() {
        int injected = 0;
        for (long seed = 0; seed < 20_000 && injected < 1000; seed++) {
            String model = seed % 2 == 0 ? "register" : "cas-register";
            History h = Simulator.generate(randomConfig(model, seed, 120).withValues(0));
            History stale = injectStaleRead(h, new SplittableRandom(seed));
            if (stale == null) continue;
            injected++;
            assertThat(Witness.registerViolation(stale, null)).isTrue();
            assertThat(check(model, stale).valid()).as("seed %d", seed).isEqualTo(Validity.FALSE);
        }
        assertThat(injected).isEqualTo(1000);
    }

    @Test
    void reads_of_values_never_written_are_not_linearizable() {
        int injected = 0;
        for (long seed = 0; seed < 1000; seed++) {
            String model = seed % 2 == 0 ? "register" : "cas-register";
            History h = Simulator.generate(randomConfig(model, seed, 120));
            List<Integer> reads = okReads(h);
            if (reads.isEmpty()) continue;
            injected++;
            int at = reads.get(new SplittableRandom(seed).nextInt(reads.size()));
            History bad = Witness.withValue(h, at, -7L);
            assertThat(check(model, bad).valid()).as("seed %d", seed).isEqualTo(Validity.FALSE);
        }
        assertThat(injected).isGreaterThan(500);
    }

    @Test
    void counter_reads_beyond_the_possible_adds_are_not_linearizable() {
        for (long seed = 0; seed < 500; seed++) {
            History h = Simulator.generate(randomConfig("counter", seed, 80));
            List<Integer> reads = okReads(h);
            if (reads.isEmpty()) continue;
            SplittableRandom r = new SplittableRandom(seed);
            int at = reads.get(r.nextInt(reads.size()));
            long v = ((Number) h.get(at).value()).longValue();
            History bad = Witness.withValue(h, at, r.nextBoolean() ? v + 1000 : -1L - v);
            assertThat(Witness.counterViolation(bad)).isTrue();
            assertThat(check("counter", bad).valid()).as("seed %d", seed).isEqualTo(Validity.FALSE);
        }
    }

    @Test
    void set_reads_missing_an_acknowledged_element_are_not_linearizable() {
        int injected = 0;
        for (long seed = 0; seed < 500; seed++) {
            History h = Simulator.generate(randomConfig("set", seed, 40).withLostWrites(0.2));
            if (!Witness.setViolation(h)) continue;
            injected++;
            assertThat(check("set", h).valid()).as("seed %d", seed).isEqualTo(Validity.FALSE);
        }
        assertThat(injected).isGreaterThan(100);
    }

    /** Makes an ok read whose value real time determines return an older value instead. */
    static History injectStaleRead(History h, SplittableRandom random) {
        List<Call> calls = Witness.calls(h);
        List<Call> candidates = new ArrayList<>();
        for (Call c : calls) {
            if (c.invocation().f().equals("read") && c.completion() != null && c.completion().isOk()
                    && Witness.determinedValue(calls, c, null) != Witness.UNDETERMINED) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) return null;
        Call read = candidates.get(random.nextInt(candidates.size()));
        Object must = Witness.determinedValue(calls, read, null);
        Object older = null;
        for (Call c : calls) {
            if (c.comp() < read.inv() && c.completion().isOk() && c.invocation().f().equals("write")
                    && !java.util.Objects.equals(c.invocation().value(), must)) {
                older = c.invocation().value();
            }
        }
        if (java.util.Objects.equals(older, must)) return null;
        return Witness.withValue(h, read.comp(), older);
    }

    private static List<Integer> okReads(History h) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < h.size(); p++) {
            if (h.get(p).isOk() && h.get(p).f().equals("read")) out.add(p);
        }
        return out;
    }
}
