package io.faultline.checkers.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.sim.Ops;
import io.faultline.checkers.sim.Simulator;
import io.faultline.checkers.sim.Witness;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import org.junit.jupiter.api.Test;

class CounterCheckerTest {

    @Test
    void reads_may_count_info_adds_or_not_but_must_count_ok_adds_completed_before_them() {
        History h = new Ops()
                .invoke(0, "add", 2L).ok(0, "add", 2L)
                .invoke(1, "add", 5L).info(1, "add", 5L)
                .invoke(2, "read", null).ok(2, "read", 7L)
                .invoke(2, "read", null).ok(2, "read", 2L).history();
        assertThat(new CounterChecker(0).check(h).valid()).isEqualTo(Validity.TRUE);
    }

    @Test
    void a_read_below_the_acknowledged_adds_or_above_all_attempts_is_reported_with_its_bounds() {
        History h = new Ops()
                .invoke(0, "add", 2L).ok(0, "add", 2L)
                .invoke(1, "add", 5L).fail(1, "add", 5L)
                .invoke(2, "read", null).ok(2, "read", 1L)
                .invoke(2, "read", null).ok(2, "read", 7L).history();
        Result r = new CounterChecker(0).check(h);
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.details().get("errors")).asList().containsExactly(
                new CounterChecker.BadRead(5, 2, 1, 2, 2), new CounterChecker.BadRead(7, 2, 7, 2, 2));
    }

    @Test
    void agrees_with_the_quadratic_witness_on_simulated_counters() {
        for (long seed = 0; seed < 300; seed++) {
            History h = Simulator.generate(Simulator.Config.of("counter", 5, 100, 0.2, 0.05, seed).withLostWrites(0.05));
            boolean witness = Witness.counterViolation(h);
            Result r = new CounterChecker(0).check(h);
            if (r.valid() != Validity.UNKNOWN) assertThat(r.valid()).as("seed %d", seed).isEqualTo(Validity.of(!witness));
        }
    }
}
