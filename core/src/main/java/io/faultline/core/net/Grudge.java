package io.faultline.core.net;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A network partition as Jepsen describes it: for each node, the set of nodes it cannot hear from.
 *
 * <p>Immutable; node names are compared as strings. A node absent from the map hears everyone.
 * Two nodes are cut apart when either of them holds a grudge against the other: links are cut in
 * both directions.
 *
 * @param cannotHear for each node, the nodes whose traffic it drops; never null
 */
public record Grudge(Map<String, Set<String>> cannotHear) {

    public Grudge {
        Objects.requireNonNull(cannotHear, "cannotHear");
        Map<String, Set<String>> copy = new TreeMap<>();
        cannotHear.forEach((node, others) -> {
            Objects.requireNonNull(node, "node name in grudge");
            Objects.requireNonNull(others, () -> "grudge set of node " + node);
            if (others.contains(node)) {
                throw new IllegalArgumentException("node " + node + " cannot hold a grudge against itself");
            }
            if (!others.isEmpty()) {
                copy.put(node, Set.copyOf(new TreeSet<>(others)));
            }
        });
        cannotHear = Map.copyOf(copy);
    }

    /** The grudge that cuts nothing. */
    public static Grudge none() {
        return new Grudge(Map.of());
    }

    /** True when traffic between {@code a} and {@code b} is cut, in either direction. */
    public boolean cuts(String a, String b) {
        return cannotHear.getOrDefault(a, Set.of()).contains(b)
                || cannotHear.getOrDefault(b, Set.of()).contains(a);
    }

    /** True when no link is cut. */
    public boolean isEmpty() {
        return cannotHear.isEmpty();
    }

    /** A stable, sorted rendering, e.g. {@code {n1 #{n3 n4}, n2 #{n3}}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(cannotHear).forEach((node, others) -> {
            if (sb.length() > 1) sb.append(", ");
            sb.append(node).append(" #{").append(String.join(" ", new TreeSet<>(others))).append('}');
        });
        return sb.append('}').toString();
    }
}
