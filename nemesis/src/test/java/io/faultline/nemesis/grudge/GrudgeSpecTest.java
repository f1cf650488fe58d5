package io.faultline.nemesis.grudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.net.Grudge;
import java.util.List;
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
    void isolateAndZkTakeANode() {
        assertThat(parse("isolate n1")).isEqualTo(Grudges.isolate("n1", NODES));
        assertThat(parse("isolate n1,n2")).isEqualTo(Grudges.isolate(java.util.Set.of("n1", "n2"), NODES));
        assertThat(parse("zk n3")).isEqualTo(Grudges.cutFromZooKeeper("n3", ZK));
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
