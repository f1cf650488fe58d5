package io.faultline.sut.lease;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Who holds a group's lease.
 *
 * @param group        the group id, e.g. "g1"
 * @param node         the holder, e.g. "n3"
 * @param epoch        the leader znode's czxid: grows with every new leader of any group
 * @param redisAddress the holder's Redis, as the node itself listens (not routed)
 * @param sessionId    the holder's ZooKeeper session
 */
public record Lease(String group, String node, long epoch, InetSocketAddress redisAddress, long sessionId) {
    public Lease {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(redisAddress, "redisAddress");
    }

    /** The leader znode's data for {@code node} listening at {@code redis}: "n3 127.0.0.1:6381". */
    static byte[] encode(String node, InetSocketAddress redis) {
        return (node + " " + redis.getHostString() + ":" + redis.getPort()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static Lease decode(String group, byte[] data, long czxid, long sessionId) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8).trim();
        String[] parts = text.split(" ");
        int colon = parts.length == 2 ? parts[1].lastIndexOf(':') : -1;
        if (colon < 0) {
            throw new IllegalArgumentException("leader znode of " + group + " holds '" + text + "', expected 'node host:port'");
        }
        InetSocketAddress redis = InetSocketAddress.createUnresolved(parts[1].substring(0, colon),
                Integer.parseInt(parts[1].substring(colon + 1)));
        return new Lease(group, parts[0], czxid, redis, sessionId);
    }
}
