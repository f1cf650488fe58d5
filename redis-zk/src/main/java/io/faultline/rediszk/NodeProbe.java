package io.faultline.rediszk;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Reads a node's role and replication offset from {@code INFO replication}, straight from its Redis
 * (not through the fault proxy, so a partition does not hide it). Never call it on a paused node:
 * the answer would only come after the timeout.
 */
final class NodeProbe {

    static final int TIMEOUT_MILLIS = 700;

    private NodeProbe() {
    }

    /**
     * The node's role as the status shows it.
     *
     * @param portToNode the real Redis port of every node, to name the master a replica follows
     */
    static NodeRow probe(String node, String group, InetSocketAddress redis, Map<Integer, String> portToNode) {
        String address = redis.getHostString() + ":" + redis.getPort();
        Map<String, String> info;
        try (Jedis j = new Jedis(redis.getHostString(), redis.getPort(), TIMEOUT_MILLIS)) {
            info = parse(j.info("replication"));
        } catch (RuntimeException e) {
            return new NodeRow(node, group, "running", "unreachable", null, false, -1, address);
        }
        if ("master".equals(info.get("role"))) {
            return new NodeRow(node, group, "running", "master", null, false,
                    number(info.get("master_repl_offset")), address);
        }
        int port = (int) number(info.get("master_port"));
        String follows = portToNode.get(port);
        boolean linkUp = "up".equals(info.get("master_link_status"));
        return new NodeRow(node, group, "running", follows == null ? "parked" : "replica", follows, linkUp,
                number(info.get("slave_repl_offset")), address);
    }

    /**
     * One row of the status table.
     *
     * @param node    {@code n1}
     * @param group   {@code g1}
     * @param state   {@code running}, {@code paused} or {@code dead}
     * @param role    {@code master}, {@code replica}, {@code parked} (a replica of nothing, not
     *                serving), {@code unreachable}, or {@code -} when paused or dead
     * @param follows the node a replica follows, or null
     * @param linkUp  whether a replica's link to its master is up
     * @param offset  {@code master_repl_offset} of a master, {@code slave_repl_offset} of a replica, -1 unknown
     * @param address where its Redis listens (not through the proxy)
     */
    record NodeRow(String node, String group, String state, String role, String follows, boolean linkUp,
                   long offset, String address) {
    }

    static Map<String, String> parse(String info) {
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return fields;
    }

    private static long number(String value) {
        if (value == null) return -1;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
