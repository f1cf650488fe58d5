package io.faultline.checkers.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.sim.Ops;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckersTest {

    private static final History ANY = new Ops().invoke(0, "read", null).ok(0, "read", 1L).history();

    @Test
    void compose_keeps_each_named_result_and_false_beats_unknown_beats_true() {
        Map<String, Checker> named = new LinkedHashMap<>();
        named.put("yes", h -> Result.valid("fine"));
        named.put("boom", h -> {
            throw new IllegalStateException("bug");
        });
        Result unknown = Checkers.compose(named).check(ANY);
        assertThat(unknown.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(unknown.details()).containsKeys("yes", "boom");
        assertThat(((Result) unknown.details().get("boom")).explanation()).contains("bug");
        named.put("no", h -> Result.invalid("broken", Map.of()));
        assertThat(Checkers.compose(named).check(ANY).valid()).isEqualTo(Validity.FALSE);
    }

    @Test
    void independent_checks_every_key_and_names_the_failing_ones() {
        History h = new Ops()
                .invoke(0, "write", List.of("a", 1L)).ok(0, "write", List.of("a", 1L))
                .invoke(1, "write", List.of("b", 2L)).ok(1, "write", List.of("b", 2L))
                .invoke(2, "write", List.of("c", 3L)).ok(2, "write", List.of("c", 3L)).history();
        Checker perKey = sub -> sub.get(0).value().equals(2L) ? Result.invalid("bad", Map.of()) : Result.valid("ok");
        Result r = Checkers.independent(perKey).check(h);
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.details()).containsEntry("keys", 3).containsEntry("valid-keys", 2)
                .containsEntry("false-keys", List.of("\"b\""));
        assertThat(r.explanation()).contains("1 of 3 keys invalid");
    }

    @Test
    void independent_refuses_to_call_valid_a_history_whose_ops_carry_no_keys() {
        Result r = Checkers.independent(h -> Result.valid("ok")).check(ANY);
        assertThat(r.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(r.explanation()).contains("2 of 2 client ops", "no [key value] tuple").doesNotContain("0 of");
    }
}
