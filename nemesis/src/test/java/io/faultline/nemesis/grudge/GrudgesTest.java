package io.faultline.nemesis.grudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.net.Grudge;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GrudgesTest {

    private static final List<String> FIVE = List.of("n3", "n1", "n5", "n2", "n4");

    @Test
    void halvesPutsTheSmallerFirstHalfOfTheSortedNodesAgainstTheRest() {
        assertThat(Grudges.toValue(Grudges.halves(FIVE))).isEqualTo(Map.of(
                "n1", List.of("n3", "n4", "n5"),
                "n2", List.of("n3", "n4", "n5"),
                "n3", List.of("n1", "n2"),
                "n4", List.of("n1", "n2"),
                "n5", List.of("n1", "n2")));
    }

    @Test
    void randomHalvesDependsOnlyOnTheSeed() {
        Grudge a = Grudges.randomHalves(FIVE, new Random(42));
        Grudge b = Grudges.randomHalves(List.of("n1", "n2", "n3", "n4", "n5"), new Random(42));
        assertThat(a).isEqualTo(b);
        assertThat(a.cannotHear()).hasSize(5);
        long small = a.cannotHear().values().stream().filter(s -> s.size() == 3).count();
        assertThat(small).as("nodes on the side of two").isEqualTo(2);
    }

    @Test
    void isolatingANodeCutsItFromEveryOtherNode() {
        assertThat(Grudges.toValue(Grudges.isolate("n2", FIVE))).isEqualTo(Map.of(
                "n2", List.of("n1", "n3", "n4", "n5"),
                "n1", List.of("n2"), "n3", List.of("n2"), "n4", List.of("n2"), "n5", List.of("n2")));
    }

    @Test
    void isolatingThePrimariesPutsThemTogetherOnOneSide() {
        Grudge grudge = Grudges.isolate(Set.of("n1", "n4"), FIVE);
        assertThat(grudge.cuts("n1", "n4")).isFalse();
        assertThat(grudge.cuts("n1", "n2")).isTrue();
        assertThat(grudge.cuts("n4", "n5")).isTrue();
        assertThat(grudge.cuts("n2", "n3")).isFalse();
        assertThat(Grudges.isolate(Set.of(), FIVE).isEmpty()).isTrue();
    }

    @Test
    void isolatingWithZooKeeperAlsoCutsTheIsolatedNodesFromEveryZooKeeperServer() {
        Grudge grudge = Grudges.isolateWithHosts(Set.of("n1", "n4"), FIVE, List.of("zk1", "zk2"));
        assertThat(Grudges.toValue(grudge)).isEqualTo(Map.of(
                "n1", List.of("n2", "n3", "n5", "zk1", "zk2"),
                "n4", List.of("n2", "n3", "n5", "zk1", "zk2"),
                "n2", List.of("n1", "n4"), "n3", List.of("n1", "n4"), "n5", List.of("n1", "n4"),
                "zk1", List.of("n1", "n4"), "zk2", List.of("n1", "n4")));
        assertThat(Grudges.isolateWithHosts(Set.of("n2"), FIVE, List.of()))
                .as("without ZooKeeper servers it is a plain isolation").isEqualTo(Grudges.isolate("n2", FIVE));
    }

    @Test
    void isolatingWithZooKeeperRefusesAZooKeeperServerAsTheIsolatedNode() {
        assertThatThrownBy(() -> Grudges.isolateWithHosts(Set.of("zk1"), FIVE, List.of("zk1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zk1");
    }

    @Test
    void isolatingAnUnknownNodeIsRefusedByName() {
        assertThatThrownBy(() -> Grudges.isolate("n9", FIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n9");
    }

    @Test
    void theMajoritiesRingOfFiveLetsEachNodeHearItsTwoRingNeighbours() {
        assertThat(Grudges.toValue(Grudges.majoritiesRing(FIVE))).isEqualTo(Map.of(
                "n1", List.of("n3", "n4"),
                "n2", List.of("n4", "n5"),
                "n3", List.of("n1", "n5"),
                "n4", List.of("n1", "n2"),
                "n5", List.of("n2", "n3")));
    }

    @Test
    void inTheMajoritiesRingEveryNodeSeesADifferentMajority() {
        List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");
        Grudge ring = Grudges.majoritiesRing(seven, new Random(7));
        Set<Set<String>> views = new java.util.HashSet<>();
        for (String node : seven) {
            Set<String> sees = new TreeSet<>(seven);
            sees.removeAll(ring.cannotHear().get(node));
            assertThat(sees).as("what %s sees", node).hasSize(4).contains(node);
            views.add(sees);
        }
        assertThat(views).hasSize(7);
    }

    @Test
    void aBridgeNodeHearsBothHalvesThatCannotHearEachOther() {
        assertThat(Grudges.toValue(Grudges.bridge(FIVE))).isEqualTo(Map.of(
                "n1", List.of("n4", "n5"),
                "n2", List.of("n4", "n5"),
                "n4", List.of("n1", "n2"),
                "n5", List.of("n1", "n2")));
    }

    @Test
    void cuttingANodeFromZooKeeperCutsOnlyItsLinksToTheZooKeeperServers() {
        Grudge grudge = Grudges.cutFromHosts("n1", List.of("zk1", "zk2", "zk3"));
        assertThat(Grudges.toValue(grudge)).isEqualTo(Map.of(
                "n1", List.of("zk1", "zk2", "zk3"),
                "zk1", List.of("n1"), "zk2", List.of("n1"), "zk3", List.of("n1")));
        assertThat(grudge.cuts("n1", "n2")).isFalse();
    }

    @Test
    void aNodeInTwoComponentsIsRefusedByName() {
        assertThatThrownBy(() -> Grudges.complete(List.of(List.of("n1", "n2"), List.of("n2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n2");
    }

    @Test
    void tooFewNodesForAShapeAreRefused() {
        assertThatThrownBy(() -> Grudges.bridge(List.of("n1", "n2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bridge");
    }
}
