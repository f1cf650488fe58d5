package io.faultline.nemesis.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the nodes a fault hits. Pure: the result depends only on the arguments and the state of
 * the seeded {@link Random}; nodes are shuffled from their sorted order, and the result is sorted.
 */
public final class Targets {

    private Targets() {
    }

    /**
     * The nodes a target names.
     *
     * @param nodes     every node
     * @param primaries the current primaries (used only by {@link Target#PRIMARIES})
     * @throws IllegalArgumentException when there are no nodes
     */
    public static List<String> select(Target target, Collection<String> nodes, Set<String> primaries, Random random) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(random, "random");
        List<String> order = new ArrayList<>(new TreeSet<>(nodes));
        if (order.isEmpty()) throw new IllegalArgumentException("no nodes to choose a " + target.wireName() + " from");
        int majority = order.size() / 2 + 1;
        List<String> chosen = switch (target) {
            case ONE -> shuffled(order, random).subList(0, 1);
            case MINORITY -> shuffled(order, random).subList(0, majority - 1);
            case MAJORITY -> shuffled(order, random).subList(0, majority);
            case ALL -> order;
            case PRIMARIES -> order.stream().filter(primaries::contains).toList();
        };
        return List.copyOf(new TreeSet<>(chosen));
    }

    private static List<String> shuffled(List<String> order, Random random) {
        List<String> copy = new ArrayList<>(order);
        Collections.shuffle(copy, random);
        return copy;
    }
}
