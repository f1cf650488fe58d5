package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestAllCommandTest {

    private static TestAllCommand over(String... safetyOptions) {
        TestAllCommand c = new TestAllCommand();
        c.safetyOptions = List.of(safetyOptions);
        return c;
    }

    @Test
    void aSafetyPairSetsReplicationAndOnLeaseLossByDefault() {
        assertThat(over("replication", "on-lease-loss").safetySetting("sync/demote"))
                .containsExactly("--replication", "sync", "--on-lease-loss", "demote");
    }

    @Test
    void aSafetySettingSetsTheNamedOptionsOfAnotherSystem() {
        assertThat(over("min-replicas-to-write").safetySetting("1")).containsExactly("--min-replicas-to-write", "1");
        assertThat(over("min-replicas-to-write", "min-replicas-max-lag").safetySetting("1/1"))
                .containsExactly("--min-replicas-to-write", "1", "--min-replicas-max-lag", "1");
    }

    @Test
    void theDefaultSettingSetsNothing() {
        assertThat(over("replication", "on-lease-loss").safetySetting("default")).isEmpty();
    }

    @Test
    void aSettingWithTheWrongNumberOfValuesIsRefusedNamingTheOptions() {
        assertThatThrownBy(() -> over("replication", "on-lease-loss").safetySetting("sync"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("replication/on-lease-loss");
    }
}
