package io.faultline.nemesis.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.net.Grudge;
import io.faultline.core.net.NetFault;
import io.faultline.hosts.packet.PacketFaults;
import java.util.ArrayList;
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

    /** Packet faults that record what they are asked. */
    private static final class RecordingFaults implements PacketFaults {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<String> hosts() {
            return HOSTS;
        }

        @Override
        public Applied cut(Map<String, Set<String>> cannotHear) {
            calls.add("cut " + cannotHear.keySet());
            return new Applied(0, 0, 0);
        }

        @Override
        public Applied loss(double probability) {
            calls.add("loss " + probability);
            return new Applied(0, 0, 0);
        }

        @Override
        public void rate(long kbitPerSecond) {
            calls.add("rate " + kbitPerSecond);
        }

        @Override
        public void unlimited() {
            calls.add("unlimited");
        }
    }

    @Test
    void bandwidthIsARateOnEveryHostThatFastAndHealRemoveOnlyWhenOneWasSet() {
        RecordingFaults faults = new RecordingFaults();
        PacketNet net = new PacketNet("netns", () -> faults);
        net.fast();
        net.bandwidth(1000);
        net.fast();
        net.bandwidth(64);
        net.heal();
        assertThat(faults.calls).containsExactly("loss 0.0", "rate 1000", "loss 0.0", "unlimited", "rate 64", "cut []",
                "loss 0.0", "unlimited");
    }

    @Test
    void packetsRefuseOnlyLatencyNamingTheRuntimeThatCanDelay() {
        PacketNet net = new PacketNet("netns", () -> {
            throw new AssertionError("no fault is made");
        });
        assertThat(net.cannot(NetFault.SLOW)).hasValue(PacketNet.noDelays("netns"));
        assertThat(PacketNet.noDelays("netns")).contains("--runtime local");
        for (NetFault f : NetFault.values()) {
            if (f != NetFault.SLOW) assertThat(net.cannot(f)).as(f.name()).isEmpty();
        }
    }
}
