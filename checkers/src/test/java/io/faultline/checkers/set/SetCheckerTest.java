package io.faultline.checkers.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.sim.Ops;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCheckerTest {

    private final SetChecker checker = new SetChecker();

    @Test
    void a_final_read_holding_every_acknowledged_add_is_valid_and_counts_recovered_info_adds() {
        Result r = checker.check(new Ops()
                .invoke(0, "add", 1L).ok(0, "add", 1L)
                .invoke(1, "add", 2L).info(1, "add", 2L)
                .invoke(2, "add", 3L).info(2, "add", 3L)
                .invoke(0, "read", null).ok(0, "read", List.of(1L, 2L)).history());
        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(r.details()).containsEntry("recovered", List.of("2")).containsEntry("never-read", List.of("3"));
    }

    @Test
    void an_acknowledged_add_missing_from_the_final_read_is_lost() {
        Result r = checker.check(new Ops()
                .invoke(0, "add", 1L).ok(0, "add", 1L)
                .invoke(0, "add", 2L).ok(0, "add", 2L)
                .invoke(0, "read", null).ok(0, "read", List.of(2L)).history());
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.details()).containsEntry("lost", List.of("1")).containsEntry("lost-count", 1);
    }

    @Test
    void elements_never_attempted_or_whose_add_failed_are_anomalies() {
        Result r = checker.check(new Ops()
                .invoke(0, "add", 1L).fail(0, "add", 1L)
                .invoke(0, "read", null).ok(0, "read", List.of(1L, 9L)).history());
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.details()).containsEntry("unexpected", List.of("9")).containsEntry("failed-but-read", List.of("1"));
    }

    @Test
    void an_element_read_and_then_missing_from_a_later_read_is_stale() {
        Result r = checker.check(new Ops()
                .invoke(0, "add", 1L).ok(0, "add", 1L)
                .invoke(0, "read", null).ok(0, "read", List.of(1L))
                .invoke(0, "read", null).ok(0, "read", List.of())
                .invoke(1, "add", 1L).ok(1, "add", 1L)
                .invoke(0, "read", null).ok(0, "read", List.of(1L)).history());
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.details()).containsEntry("stale", List.of("1")).containsEntry("lost-count", 0);
    }

    @Test
    void an_add_concurrent_with_the_final_read_is_not_lost_and_no_read_is_unknown() {
        Result r = checker.check(new Ops()
                .invoke(1, "read", null).invoke(0, "add", 1L).ok(0, "add", 1L).ok(1, "read", List.of()).history());
        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(checker.check(new Ops().invoke(0, "add", 1L).ok(0, "add", 1L).history()).valid())
                .isEqualTo(Validity.UNKNOWN);
    }
}
