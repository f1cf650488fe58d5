package io.faultline.nemesis.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.net.Grudge;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PacketNetTest {
    private static final List<String> HOSTS = List.of("n1", "n2", "n3", "zk1");

    @Test
    void eachHostDropsWhatComesFromEveryHostTheGrudgeCutsItFromInBothDirections() {
        // a one-sided grudge: n1 cannot hear n2 and zk1; the contract cuts both directions
        Grudge g = new Grudge(Map.of("n1", Set.of("n2", "zk1")));
        assertThat(PacketNet.dropFrom(g, HOSTS)).containsExactly(
                Map.entry("n1", Set.of("n2", "zk1")),
                Map.entry("n2", Set.of("n1")),
                Map.entry("zk1", Set.of("n1")));
    }

    @Test
    void noGrudgeDropsNothing() {
        assertThat(PacketNet.dropFrom(Grudge.none(), HOSTS)).isEmpty();
    }

    @Test
    void latencyIsRefusedNamingTheRuntimeThatCan() {
        PacketNet net = new PacketNet("netns", () -> {
            throw new AssertionError("no network needed");
        });
        assertThatThrownBy(() -> net.slow(Duration.ofMillis(100), Duration.ZERO))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("latency needs --runtime local");
    }
}
