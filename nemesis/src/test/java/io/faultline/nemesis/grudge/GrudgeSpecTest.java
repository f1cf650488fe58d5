package io.faultline.nemesis.grudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.net.Grudge;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrudgeSpecTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final List<String> ZK = List.of("zk1", "zk2", "zk3");

    private static Grudge parse(String spec) {
        return GrudgeSpec.parse(spec, NODES, ZK, new Random(1));
    }

    @Test
    void namedShapesParseToTheirBuilders() {
        assertThat(parse("halves")).isEqualTo(Grudges.halves(NODES));
        assertThat(parse("majorities-ring")).isEqualTo(Grudges.majoritiesRing(NODES));
        assertThat(parse(" bridge ")).isEqualTo(Grudges.bridge(NODES));
        assertThat(parse("random-halves")).isEqualTo(Grudges.randomHalves(NODES, new Random(1)));
    }

    @Test
    void isolateCutsTheNamedNodesFromTheOtherNodesAndFromZooKeeper() {
        assertThat(Grudges.toValue(parse("isolate n1"))).isEqualTo(Map.of(
                "n1", List.of("n2", "n3", "n4", "n5", "zk1", "zk2", "zk3"),
                "n2", List.of("n1"), "n3", List.of("n1"), "n4", List.of("n1"), "n5", List.of("n1"),
                "zk1", List.of("n1"), "zk2", List.of("n1"), "zk3", List.of("n1")));
        Grudge two = parse("isolate n1,n2");
        assertThat(two.cuts("n1", "n2")).isFalse();
        assertThat(two.cuts("n2", "zk3")).isTrue();
        assertThat(two.cuts("n3", "zk1")).isFalse();
    }

    @Test
    void zkCutsANodeFromZooKeeperOnly() {
        assertThat(parse("zk n3")).isEqualTo(Grudges.cutFromHosts("n3", ZK));
        assertThat(parse("zk n3").cuts("n3", "n1")).isFalse();
    }

    @Test
    void splittingShapesLeaveZooKeeperReachableFromEverySide() {
        for (String spec : List.of("halves", "random-halves", "majorities-ring", "bridge", "n1,n2|n3,n4,n5")) {
            Grudge grudge = parse(spec);
            for (String node : NODES) {
                for (String server : ZK) {
                    assertThat(grudge.cuts(node, server)).as("%s cuts %s from %s", spec, node, server).isFalse();
                }
            }
        }
    }

    @Test
    void componentsMayNameZooKeeperServersWhichAreThenCutFromTheOtherComponents() {
        Grudge grudge = parse("n1,zk1|n2,n3,n4,n5,zk2");
        assertThat(Grudges.toValue(grudge)).isEqualTo(Map.of(
                "n1", List.of("n2", "n3", "n4", "n5", "zk2"),
                "zk1", List.of("n2", "n3", "n4", "n5", "zk2"),
                "n2", List.of("n1", "zk1"), "n3", List.of("n1", "zk1"), "n4", List.of("n1", "zk1"),
                "n5", List.of("n1", "zk1"), "zk2", List.of("n1", "zk1")));
        assertThat(grudge.cuts("n1", "zk3")).as("zk3, named nowhere, hears both sides").isFalse();
        assertThat(grudge.cuts("n4", "zk3")).isFalse();
    }

    @Test
    void explicitComponentsAreCutFromEachOther() {
        Grudge grudge = parse("n1,n2|n3,n4,n5");
        assertThat(grudge).isEqualTo(Grudges.halves(NODES));
        assertThat(parse("n1|n2").cuts("n1", "n2")).isTrue();
        assertThat(parse("n1|n2").cuts("n3", "n1")).isFalse();
    }

    @Test
    void anUnknownKindIsNamedInTheError() {
        assertThatThrownBy(() -> parse("splits"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'splits'");
    }

    @Test
    void anUnknownNodeIsNamedInTheError() {
        assertThatThrownBy(() -> parse("isolate n9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n9'");
        assertThatThrownBy(() -> parse("n1,n2|n3,x7"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x7'");
        assertThatThrownBy(() -> parse("n1,zk9|n2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'zk9'");
    }

    @Test
    void malformedSpecsNameTheBadToken() {
        assertThatThrownBy(() -> parse("n1,,n2|n3")).hasMessageContaining("''");
        assertThatThrownBy(() -> parse("n1|n1")).hasMessageContaining("'n1'").hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("halves n1")).hasMessageContaining("'n1'");
        assertThatThrownBy(() -> parse("isolate")).hasMessageContaining("'isolate'");
        assertThatThrownBy(() -> parse("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
