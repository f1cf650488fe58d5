package io.faultline.checkers.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.checkers.sim.Ops;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsCheckerTest {

    @Test
    void counts_ops_per_f_and_type_and_times_their_latencies() {
        Result r = new StatsChecker().check(new Ops()
                .invoke(0, "read", null).ok(0, "read", 1L)
                .invoke(0, "write", 2L).info(0, "write", 2L)
                .invoke(1, "write", 3L).ok(1, "write", 3L)
                .invoke(2, "read", null).history());
        assertThat(r.valid()).isEqualTo(Validity.TRUE);
        assertThat(r.details()).containsEntry("count", 4L).containsEntry("ok-count", 2L).containsEntry("crashed-count", 1L);
        @SuppressWarnings("unchecked")
        StatsChecker.FStats write = (StatsChecker.FStats) ((Map<String, Object>) r.details().get("by-f")).get("write");
        assertThat(write.count()).isEqualTo(2);
        assertThat(write.info()).isEqualTo(1);
        assertThat(write.latencies().get("ok").p99Ms()).isEqualTo(1.0);
    }

    @Test
    void is_invalid_when_some_f_never_succeeded() {
        Result r = new StatsChecker().check(new Ops()
                .invoke(0, "read", null).ok(0, "read", 1L)
                .invoke(0, "cas", null).fail(0, "cas", null).history());
        assertThat(r.valid()).isEqualTo(Validity.FALSE);
        assertThat(r.explanation()).contains(":cas");
    }
}
