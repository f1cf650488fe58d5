package io.faultline.nemesis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final List<String> FIVE = List.of("n5", "n4", "n3", "n2", "n1");

    private static List<String> select(Target target, long seed) {
        return Targets.select(target, FIVE, Set.of("n2", "n9"), new Random(seed));
    }

    @Test
    void targetsOfFiveNodesHaveJepsensSizes() {
        assertThat(select(Target.ONE, 1)).hasSize(1);
        assertThat(select(Target.MINORITY, 1)).hasSize(2);
        assertThat(select(Target.MAJORITY, 1)).hasSize(3);
        assertThat(select(Target.ALL, 1)).containsExactly("n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void primariesAreTheCurrentPrimariesAmongTheNodes() {
        assertThat(select(Target.PRIMARIES, 1)).containsExactly("n2");
    }

    @Test
    void theSameSeedChoosesTheSameNodesWhateverTheInputOrder() {
        List<String> a = Targets.select(Target.MAJORITY, FIVE, Set.of(), new Random(9));
        List<String> b = Targets.select(Target.MAJORITY, List.of("n1", "n2", "n3", "n4", "n5"), Set.of(), new Random(9));
        assertThat(a).isEqualTo(b).isSorted();
    }

    @Test
    void differentSeedsSpreadOverTheNodes() {
        Set<String> seen = new java.util.TreeSet<>();
        for (long seed = 0; seed < 50; seed++) seen.addAll(select(Target.ONE, seed));
        assertThat(seen).containsExactly("n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void anUnknownTargetNameIsNamedInTheError() {
        assertThatThrownBy(() -> Target.parse("half")).hasMessageContaining("'half'");
        assertThat(Target.parse("minority")).isEqualTo(Target.MINORITY);
    }
}
