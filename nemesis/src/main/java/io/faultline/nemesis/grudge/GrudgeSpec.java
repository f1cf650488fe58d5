package io.faultline.nemesis.grudge;

import io.faultline.core.net.Grudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Parses the grudge specs of the command line and of partition ops:
 * <ul>
 *   <li>{@code halves}, {@code random-halves}, {@code majorities-ring}, {@code bridge}: split the
 *       nodes; every extra host stays reachable from every side</li>
 *   <li>{@code isolate NODE} (also {@code isolate NODE,NODE}: those nodes on one side): cut from
 *       the other nodes <em>and</em> from every extra host, as a host whose network is gone</li>
 *   <li>{@code zk NODE}: cut the node from every extra host, and from nothing else</li>
 *   <li>{@code n1,n2|n3,n4,n5}: explicit components, each cut from the others; a component may
 *       name extra hosts ({@code n1,zk1|n2,n3,zk2,zk3}), and a server it does not name stays
 *       reachable from every side</li>
 * </ul>
 * Pure: the result depends only on the arguments and the state of {@code random}.
 */
public final class GrudgeSpec {

    private static final String EXPECTED = "expected halves, random-halves, majorities-ring, bridge, "
            + "isolate NODE, zk NODE, or components like n1,n2|n3,n4,n5";

    private GrudgeSpec() {
    }

    /**
     * Parses a spec into a grudge over the given nodes.
     *
     * @param extraHosts the ZooKeeper servers ({@code zk1..zkN}): cut by {@code zk NODE} and
     *                         {@code isolate NODE}, and nameable in components; may be empty
     * @param random           used by {@code random-halves}
     * @throws IllegalArgumentException naming the bad token when the spec cannot be read, or names a
     *                                  node that is not one of {@code nodes}
     */
    public static Grudge parse(String spec, List<String> nodes, List<String> extraHosts, Random random) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.trim();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty grudge spec (" + EXPECTED + ")");
        if (trimmed.contains("|")) return components(trimmed, nodes, extraHosts);
        String[] words = trimmed.split("\\s+");
        String kind = words[0];
        switch (kind) {
            case "halves", "random-halves", "majorities-ring", "bridge" -> {
                if (words.length > 1) throw bad(words[1], spec, kind + " takes no argument");
                return switch (kind) {
                    case "halves" -> Grudges.halves(nodes);
                    case "random-halves" -> Grudges.randomHalves(nodes, random);
                    case "majorities-ring" -> Grudges.majoritiesRing(nodes);
                    default -> Grudges.bridge(nodes);
                };
            }
            case "isolate", "zk" -> {
                if (words.length != 2) {
                    throw bad(words.length < 2 ? kind : words[2], spec, kind + " takes exactly one NODE");
                }
                List<String> named = new ArrayList<>();
                for (String node : words[1].split(",")) named.add(known(node, nodes, spec));
                if (kind.equals("isolate")) {
                    return Grudges.isolateWithHosts(java.util.Set.copyOf(named), nodes, extraHosts);
                }
                if (named.size() != 1) throw bad(words[1], spec, "zk takes exactly one NODE");
                return Grudges.cutFromHosts(named.get(0), extraHosts);
            }
            default -> throw bad(kind, spec, EXPECTED);
        }
    }

    private static Grudge components(String spec, List<String> nodes, List<String> extraHosts) {
        List<String> known = new ArrayList<>(nodes);
        known.addAll(extraHosts);
        List<List<String>> components = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String part : spec.split("\\|", -1)) {
            List<String> component = new ArrayList<>();
            for (String token : part.split(",", -1)) {
                String node = known(token.trim(), known, spec);
                if (seen.contains(node)) throw bad(node, spec, "node named twice");
                seen.add(node);
                component.add(node);
            }
            components.add(component);
        }
        return Grudges.complete(components);
    }

    private static String known(String token, List<String> nodes, String spec) {
        if (token.isEmpty()) throw bad(token, spec, "empty node name");
        if (!nodes.contains(token)) throw bad(token, spec, "not one of " + nodes);
        return token;
    }

    private static IllegalArgumentException bad(String token, String spec, String why) {
        return new IllegalArgumentException("bad token '" + token + "' in grudge spec '" + spec + "': " + why);
    }
}
