package io.faultline.nemesis.link;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One directed link of the cluster: {@code from} opens connections of some {@code kind} (e.g.
 * {@code redis}, {@code replication}, {@code zk}) to {@code to}, which serves them at {@code target}.
 * Names starting with {@code client} are clients, outside the cluster.
 */
public record Link(String from, String to, String kind, InetSocketAddress target) {

    public Link {
        requireName(from, "from");
        requireName(to, "to");
        requireName(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (from.equals(to)) throw new IllegalArgumentException("a link needs two ends, got " + from + " to itself");
    }

    /** True when the link starts at a client rather than a node. */
    public boolean fromClient() {
        return from.startsWith("client");
    }

    private static void requireName(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
    }
}
