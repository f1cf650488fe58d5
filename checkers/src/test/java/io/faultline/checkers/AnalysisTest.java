package io.faultline.checkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.checkers.linearizability.Linearizability;
import io.faultline.checkers.linearizability.Options;
import io.faultline.checkers.model.Models;
import io.faultline.checkers.sim.Ops;
import io.faultline.checkers.sim.Simulator;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {

    @Test
    void an_unknown_model_is_refused_with_the_known_ones_listed() {
        assertThatThrownBy(() -> Analysis.checkerFor("queue", false, null, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'queue'").hasMessageContaining("cas-register, multi-register");
        assertThatThrownBy(() -> Analysis.checkerFor("counter", false, "x", false, null))
                .hasMessageContaining("initial value x");
    }

    @Test
    void a_nil_read_after_a_write_on_one_key_is_data_loss_and_renders_as_text() {
        History h = new Ops()
                .invoke(0, "write", List.of(1L, 5L)).ok(0, "write", List.of(1L, 5L))
                .invoke(1, "read", java.util.Arrays.asList(1L, null)).ok(1, "read", java.util.Arrays.asList(1L, null))
                .invoke(0, "write", List.of(2L, 5L)).ok(0, "write", List.of(2L, 5L)).history();
        Result r = Analysis.checkerFor("cas-register", true, null, false, Duration.ofSeconds(5)).check(h);
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        List<String> text = Analysis.render(r);
        assertThat(text.get(0)).isEqualTo("valid: false");
        assertThat(String.join("\n", text)).contains("cannot linearize: op 2..3 process 1 :read nil (ok)")
                .contains("from state 5 after 1 ops, last :write 5 (op 0)");
        assertThat(Analysis.checkerFor("cas-register", true, null, true, null).check(h).valid()).isEqualTo(Validity.TRUE);
    }

    @Test
    void a_search_over_its_time_limit_or_cache_budget_is_unknown_with_the_cause_never_true() {
        History big = Simulator.generate(Simulator.Config.of("cas-register", 20, 20_000, 0.3, 0.0, 7).withValues(5));
        Options tight = Options.defaults().withTimeLimit(Duration.ofMillis(1));
        Result timedOut = Linearizability.check(Models.byName("cas-register", null, false), tight, big);
        assertThat(timedOut.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(timedOut.explanation()).startsWith("timed out after PT0.001S");
        Options small = Options.defaults().withCacheLimits(10, 1L << 30);
        Result full = Linearizability.check(Models.byName("cas-register", null, false), small, big);
        assertThat(full.valid()).isEqualTo(Validity.UNKNOWN);
        assertThat(full.explanation()).startsWith("out of memory: cache of");
    }
}
