package io.faultline.nemesis.grudge;

import io.faultline.core.net.Grudge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builders of {@link Grudge}s, the partitions a nemesis applies, after Jepsen's.
 *
 * <p>Pure functions: the same arguments (and the same seeded {@link Random}) give the same grudge.
 * Node lists are taken in sorted order unless a {@code Random} shuffles them.
 */
public final class Grudges {

    private Grudges() {
    }

    /**
     * The grudge in which every node cannot hear the nodes of the other components; a node in no
     * component hears everyone.
     *
     * @throws IllegalArgumentException naming the node when one is in two components
     */
    public static Grudge complete(List<? extends Collection<String>> components) {
        Objects.requireNonNull(components, "components");
        Set<String> seen = new HashSet<>();
        for (Collection<String> component : components) {
            for (String node : component) {
                if (!seen.add(node)) {
                    throw new IllegalArgumentException("node " + node + " is in two components of " + components);
                }
            }
        }
        Map<String, Set<String>> cannotHear = new TreeMap<>();
        for (Collection<String> component : components) {
            Set<String> others = new TreeSet<>(seen);
            others.removeAll(component);
            for (String node : component) cannotHear.put(node, others);
        }
        return new Grudge(cannotHear);
    }

    /** The sorted nodes split in two: the first {@code n/2} (rounded down) and the rest. */
    public static Grudge halves(Collection<String> nodes) {
        return splitInHalves(sorted(nodes));
    }

    /** Like {@link #halves} after a shuffle with the given random. */
    public static Grudge randomHalves(Collection<String> nodes, Random random) {
        List<String> order = sorted(nodes);
        Collections.shuffle(order, Objects.requireNonNull(random, "random"));
        return splitInHalves(order);
    }

    private static Grudge splitInHalves(List<String> order) {
        requireAtLeast(2, order, "halves");
        int half = order.size() / 2;
        return complete(List.of(order.subList(0, half), order.subList(half, order.size())));
    }

    /**
     * One node alone, every other node on the other side.
     *
     * @throws IllegalArgumentException when the node is not among the nodes
     */
    public static Grudge isolate(String node, Collection<String> nodes) {
        return isolate(Set.of(node), nodes);
    }

    /**
     * The given nodes (e.g. the current primaries) on one side, the others on the other side.
     *
     * @throws IllegalArgumentException naming a node that is not among the nodes
     */
    public static Grudge isolate(Set<String> isolated, Collection<String> nodes) {
        List<String> all = sorted(nodes);
        for (String node : isolated) {
            if (!all.contains(node)) {
                throw new IllegalArgumentException("cannot isolate " + node + ": not one of the nodes " + all);
            }
        }
        List<String> rest = new ArrayList<>(all);
        rest.removeAll(isolated);
        if (isolated.isEmpty() || rest.isEmpty()) return Grudge.none();
        return complete(List.of(new TreeSet<>(isolated), rest));
    }

    /**
     * The given nodes cut from every other node and from every extra host of the system (for
     * {@code redis-zk} the ZooKeeper servers: an isolated primary then loses its ZooKeeper session,
     * and with it its lease), as on a real host whose network is gone. The other nodes still hear
     * each other and the extra hosts.
     *
     * @throws IllegalArgumentException naming a node that is not among the nodes
     */
    public static Grudge isolateWithHosts(Set<String> isolated, Collection<String> nodes,
                                              Collection<String> extraHosts) {
        Objects.requireNonNull(extraHosts, "extraHosts");
        List<String> all = sorted(nodes);
        for (String node : isolated) {
            if (!all.contains(node)) {
                throw new IllegalArgumentException("cannot isolate " + node + ": not one of the nodes " + all);
            }
        }
        for (String server : extraHosts) {
            if (all.contains(server)) {
                throw new IllegalArgumentException(server + " is named both as a node and as an extra host");
            }
        }
        List<String> everyone = new ArrayList<>(all);
        everyone.addAll(extraHosts);
        return isolate(isolated, everyone);
    }

    /**
     * Jepsen's majorities ring on the sorted nodes: arranged in a ring, each node sees the window
     * of a majority of nodes centred on itself and cannot hear the rest, so every node sees a
     * majority and no two nodes see the same one. Exact with five nodes, where each node hears its
     * two ring neighbours.
     */
    public static Grudge majoritiesRing(Collection<String> nodes) {
        return ring(sorted(nodes));
    }

    /** Like {@link #majoritiesRing} on a ring shuffled with the given random. */
    public static Grudge majoritiesRing(Collection<String> nodes, Random random) {
        List<String> order = sorted(nodes);
        Collections.shuffle(order, Objects.requireNonNull(random, "random"));
        return ring(order);
    }

    private static Grudge ring(List<String> order) {
        requireAtLeast(3, order, "a majorities ring");
        int n = order.size();
        int majority = n / 2 + 1;
        Map<String, Set<String>> cannotHear = new TreeMap<>();
        for (int start = 0; start < n; start++) {
            List<String> window = new ArrayList<>();
            for (int k = 0; k < majority; k++) window.add(order.get((start + k) % n));
            String centre = window.get(majority / 2);
            Set<String> others = new TreeSet<>(order);
            others.removeAll(window);
            cannotHear.put(centre, others);
        }
        return new Grudge(cannotHear);
    }

    /**
     * Two halves joined by one node that hears both: for the sorted nodes, the middle node is the
     * bridge, the nodes before it cannot hear the nodes after it.
     */
    public static Grudge bridge(Collection<String> nodes) {
        List<String> order = sorted(nodes);
        requireAtLeast(3, order, "a bridge");
        int middle = order.size() / 2;
        return complete(List.of(order.subList(0, middle), order.subList(middle + 1, order.size())));
    }

    /**
     * Cuts one node from every one of the system's extra hosts (e.g. the ZooKeeper servers
     * {@code zk1..zk3} of {@code redis-zk}), and from nothing else.
     */
    public static Grudge cutFromHosts(String node, Collection<String> extraHosts) {
        Objects.requireNonNull(node, "node");
        if (extraHosts.isEmpty()) throw new IllegalArgumentException("no extra hosts to cut " + node + " from");
        if (extraHosts.contains(node)) {
            throw new IllegalArgumentException("cannot cut " + node + " from the extra hosts: it is one of them");
        }
        return complete(List.of(List.of(node), sorted(extraHosts)));
    }

    /** The grudge as plain data for an op's value: node to the sorted list of nodes it cannot hear. */
    public static Map<String, List<String>> toValue(Grudge grudge) {
        Map<String, List<String>> value = new TreeMap<>();
        grudge.cannotHear().forEach((node, others) -> value.put(node, List.copyOf(new TreeSet<>(others))));
        return Collections.unmodifiableMap(value);
    }

    private static List<String> sorted(Collection<String> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        return new ArrayList<>(new TreeSet<>(new LinkedHashSet<>(nodes)));
    }

    private static void requireAtLeast(int count, List<String> nodes, String what) {
        if (nodes.size() < count) {
            throw new IllegalArgumentException(what + " needs at least " + count + " nodes, got " + nodes);
        }
    }
}
