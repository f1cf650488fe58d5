package io.faultline.nemesis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessNemesisTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    private final FakeCluster cluster = new FakeCluster();

    private static Op invoke(String f, Object value) {
        return Op.invoke(Op.NEMESIS, f, value);
    }

    @Test
    void killKillsTheDefaultTargetAndStartRestartsWhatWasKilled() throws Exception {
        ProcessNemesis nemesis = ProcessNemesis.kill(cluster, NODES, cluster, Target.MINORITY, new Random(3));
        assertThat(nemesis.fs()).containsExactlyInAnyOrder("kill", "start");

        Op killed = nemesis.invoke(invoke("kill", null));
        assertThat(killed.type()).isEqualTo(OpType.INFO);
        assertThat(killed.process()).isEqualTo(Op.NEMESIS);
        assertThat(killed.value()).isEqualTo(List.copyOf(cluster.down));
        assertThat(cluster.down).hasSize(2);

        Op started = nemesis.invoke(invoke("start", null));
        assertThat(started.value()).isEqualTo(killed.value());
        assertThat(cluster.down).isEmpty();
    }

    @Test
    void aValueCanNameTheTargetOrTheNodes() throws Exception {
        cluster.primaries = Set.of("n4");
        ProcessNemesis nemesis = ProcessNemesis.pause(cluster, NODES, cluster, Target.ONE, new Random(3));
        assertThat(nemesis.invoke(invoke("pause", "primaries")).value()).isEqualTo(List.of("n4"));
        assertThat(nemesis.invoke(invoke("pause", List.of("n2", "n1"))).value()).isEqualTo(List.of("n1", "n2"));
        assertThat(cluster.paused).containsExactly("n1", "n2", "n4");
        assertThat(nemesis.invoke(invoke("resume", List.of("n4"))).value()).isEqualTo(List.of("n4"));
        assertThat(cluster.paused).containsExactly("n1", "n2");
    }

    @Test
    void anUnknownNodeOrValueIsRefusedByName() {
        ProcessNemesis nemesis = ProcessNemesis.kill(cluster, NODES, null, Target.ONE, new Random(3));
        assertThatThrownBy(() -> nemesis.invoke(invoke("kill", List.of("n7")))).hasMessageContaining("'n7'");
        assertThatThrownBy(() -> nemesis.invoke(invoke("kill", "half"))).hasMessageContaining("'half'");
        assertThatThrownBy(() -> nemesis.invoke(invoke("kill", "primaries"))).hasMessageContaining("primaries");
        assertThat(cluster.events).isEmpty();
    }

    @Test
    void teardownRestartsAndResumesEveryNode() throws Exception {
        ProcessNemesis kill = ProcessNemesis.kill(cluster, NODES, cluster, Target.ALL, new Random(3));
        ProcessNemesis pause = ProcessNemesis.pause(cluster, NODES, cluster, Target.MAJORITY, new Random(3));
        kill.invoke(invoke("kill", null));
        pause.invoke(invoke("pause", null));
        kill.teardown();
        pause.teardown();
        assertThat(cluster.down).isEmpty();
        assertThat(cluster.paused).isEmpty();
        assertThat(cluster.events).contains("start n1", "start n5", "resume n1", "resume n5");
    }

    @Test
    void theSameSeedKillsTheSameNodes() throws Exception {
        Object first = ProcessNemesis.kill(new FakeCluster(), NODES, null, Target.MAJORITY, new Random(11))
                .invoke(invoke("kill", null)).value();
        Object second = ProcessNemesis.kill(new FakeCluster(), NODES, null, Target.MAJORITY, new Random(11))
                .invoke(invoke("kill", null)).value();
        assertThat(first).isEqualTo(second);
    }
}
