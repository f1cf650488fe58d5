package io.faultline.sut.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HashRingTest {
    private static final int KEYS = 40_000;

    private static List<String> groups(int count) {
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            groups.add("g" + i);
        }
        return groups;
    }

    private static Map<String, String> assign(HashRing ring) {
        Map<String, String> owner = new HashMap<>();
        for (int k = 0; k < KEYS; k++) {
            owner.put("key-" + k, ring.groupFor("key-" + k));
        }
        return owner;
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {2, 3, 4, 5, 7, 10})
    void keysSpreadWithinTenPercentAcrossGroupsWith128VirtualNodes(int groupCount) {
        HashRing ring = HashRing.of(groups(groupCount), 128);
        Map<String, Integer> counts = new HashMap<>();
        assign(ring).values().forEach(g -> counts.merge(g, 1, Integer::sum));

        double mean = KEYS / (double) groupCount;
        assertThat(counts).hasSize(groupCount);
        assertThat(counts.values()).allSatisfy(c -> assertThat(Math.abs(c - mean) / mean).isLessThan(0.10));
    }

    @ParameterizedTest(name = "{0} groups plus one")
    @ValueSource(ints = {1, 2, 4, 6})
    void addingAGroupMovesAboutOneInSPlusOneKeysAndOnlyToTheNewGroup(int groupCount) {
        HashRing before = HashRing.of(groups(groupCount));
        HashRing after = before.withGroup("new");
        Map<String, String> was = assign(before);
        Map<String, String> is = assign(after);

        List<String> movedTo = was.keySet().stream().filter(k -> !was.get(k).equals(is.get(k))).map(is::get).toList();
        long moved = movedTo.size();
        assertThat(movedTo.stream().distinct()).containsExactly("new");
        double expected = KEYS / (double) (groupCount + 1);
        assertThat(Math.abs(moved - expected) / expected).isLessThan(0.10);
    }

    @ParameterizedTest(name = "{0} groups minus one")
    @ValueSource(ints = {2, 3, 5})
    void removingAGroupMovesOnlyItsKeys(int groupCount) {
        HashRing before = HashRing.of(groups(groupCount));
        HashRing after = before.withoutGroup("g2");
        Map<String, String> was = assign(before);
        Map<String, String> is = assign(after);

        List<String> movedFrom = was.keySet().stream().filter(k -> !was.get(k).equals(is.get(k))).map(was::get).toList();
        assertThat(movedFrom).isNotEmpty();
        assertThat(movedFrom.stream().distinct()).containsExactly("g2");
        assertThat(movedFrom).hasSize((int) was.values().stream().filter("g2"::equals).count());
        assertThat(is.values()).doesNotContain("g2");
    }

    @Test
    void theSameKeyMapsToTheSameGroupWhateverTheOrderOfGroups() {
        HashRing a = HashRing.of(List.of("g1", "g2", "g3"));
        HashRing b = HashRing.of(List.of("g3", "g1", "g2"));
        assertThat(assign(a)).isEqualTo(assign(b));
    }

    @Test
    void theHashIsStableAcrossRuns() {
        // MD5("key") = 3c6e0b8a9c15224a8228b9a98ca1531d
        assertThat(StableHash.of("key")).isEqualTo(0x3c6e0b8a9c15224aL);
    }

    @Test
    void invalidArgumentsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> HashRing.of(List.of("g1"), 0)).hasMessageContaining("virtualNodes").hasMessageContaining("0");
        assertThatThrownBy(() -> HashRing.of(List.of("g1", "g1"))).hasMessageContaining("duplicate group id 'g1'");
        assertThatThrownBy(() -> HashRing.of(List.of())).hasMessageContaining("at least one group");
        assertThatThrownBy(() -> HashRing.of(List.of("g1")).withoutGroup("g9")).hasMessageContaining("'g9'");
    }
}
