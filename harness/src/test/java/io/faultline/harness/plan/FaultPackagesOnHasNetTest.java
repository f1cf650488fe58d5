package io.faultline.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasNet;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fault vocabulary on a Db that cuts packets itself ({@link HasNet}): same names, its own network, refusals in one line. */
class FaultPackagesOnHasNetTest {

    /** A Db with its own network, which cannot slow links. */
    static final class PacketDb implements Db, HasNet {
        final List<String> calls = new ArrayList<>();
        final Net net = new Net() {
            @Override
            public void partition(Grudge grudge) {
                calls.add("partition " + grudge);
            }

            @Override
            public void heal() {
                calls.add("heal");
            }

            @Override
            public void slow(Duration mean, Duration jitter) {
                throw new UnsupportedOperationException("no delays");
            }

            @Override
            public void flaky(double probability) {
                calls.add("flaky " + probability);
            }

            @Override
            public void fast() {
                calls.add("fast");
            }
        };

        @Override
        public List<String> nodes() {
            return List.of("n1", "n2", "n3");
        }

        @Override
        public void setup() {
        }

        @Override
        public void close() {
        }

        @Override
        public Net net() {
            return net;
        }

        @Override
        public Optional<String> cannot(NetFault fault) {
            return switch (fault) {
                case SLOW -> Optional.of("the test runtime cannot delay packets: latency needs --runtime local");
                case BANDWIDTH -> Optional.of("the test runtime cannot limit bandwidth: bandwidth needs --runtime netns");
                default -> Optional.empty();
            };
        }
    }

    private final PacketDb db = new PacketDb();
    private final FaultContext context = new FaultContext(db.net(), db, List.of("zk1"), "one", new Random(1));

    @Test
    void aPartitionByTheSameNameGoesToTheDbsOwnNetwork() throws Exception {
        Nemesis nemesis = FaultPackages.nemesis(FaultPackages.of(List.of("partition", "flaky")), context);
        Op started = nemesis.invoke(Op.invoke(Op.NEMESIS, "start-partition", "isolate n2"));
        assertThat(started.type()).isEqualTo(OpType.INFO);
        nemesis.invoke(Op.invoke(Op.NEMESIS, "stop-partition", null));
        nemesis.invoke(Op.invoke(Op.NEMESIS, "start-flaky", null));
        assertThat(db.calls).hasSize(3);
        assertThat(db.calls.get(0)).startsWith("partition {").contains("n2 #{n1 n3 zk1}");
        assertThat(db.calls.get(1)).as("the stop is the empty grudge").isEqualTo("partition {}");
        assertThat(db.calls.get(2)).startsWith("flaky ");
    }

    @Test
    void aFaultTheDbsNetworkCannotMakeIsOneLineNamingTheRuntimeThatCan() {
        assertThatThrownBy(() -> FaultPackages.nemesis(FaultPackages.of(List.of("partition", "latency")), context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--nemesis latency: the test runtime cannot delay packets: latency needs --runtime local");
    }

    @Test
    void bandwidthTheDbsNetworkCannotLimitIsRefusedToo() {
        assertThatThrownBy(() -> FaultPackages.nemesis(FaultPackages.of(List.of("bandwidth")), context))
                .hasMessage("--nemesis bandwidth: the test runtime cannot limit bandwidth: bandwidth needs --runtime netns");
    }

    @Test
    void theNetworkFaultsAreNamedAndTheProcessFaultsAreNot() {
        assertThat(FaultPackages.netFault(FaultPackages.PARTITION)).contains(NetFault.PARTITION);
        assertThat(FaultPackages.netFault(FaultPackages.ZK)).contains(NetFault.PARTITION);
        assertThat(FaultPackages.netFault(FaultPackages.LATENCY)).contains(NetFault.SLOW);
        assertThat(FaultPackages.netFault(FaultPackages.FLAKY)).contains(NetFault.FLAKY);
        assertThat(FaultPackages.netFault(FaultPackages.BANDWIDTH)).contains(NetFault.BANDWIDTH);
        assertThat(FaultPackages.netFault(FaultPackages.KILL)).isEmpty();
    }
}
