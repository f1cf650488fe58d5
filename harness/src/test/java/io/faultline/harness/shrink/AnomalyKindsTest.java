package io.faultline.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyKindsTest {

    @Test
    void lostAcknowledgedAddsAreTheSetsKind() {
        Map<String, Object> results = Map.of("valid", false, "details", Map.of(
                "set", Map.of("valid", false, "details", Map.of("lost-count", 848, "stale-count", 0)),
                "stats", Map.of("valid", true)));
        assertThat(AnomalyKinds.of(results)).containsExactly("set/lost");
    }

    @Test
    void aNonLinearizableKeyIsTheRegistersKind() {
        Map<String, Object> results = Map.of("valid", false, "details", Map.of(
                "linear", Map.of("valid", false, "details", Map.of("false-keys", List.of(19)))));
        assertThat(AnomalyKinds.of(results)).containsExactly("linear/non-linearizable");
    }

    @Test
    void aValidRunHasNone() {
        assertThat(AnomalyKinds.of(Map.of("valid", true))).isEmpty();
    }
}
