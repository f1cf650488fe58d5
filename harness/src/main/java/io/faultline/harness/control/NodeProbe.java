package io.faultline.harness.control;

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
    static ClusterStatus.Node probe(String node, String group, InetSocketAddress redis, Map<Integer, String> portToNode) {
        String address = redis.getHostString() + ":" + redis.getPort();
        Map<String, String> info;
        try (Jedis j = new Jedis(redis.getHostString(), redis.getPort(), TIMEOUT_MILLIS)) {
            info = parse(j.info("replication"));
        } catch (RuntimeException e) {
            return new ClusterStatus.Node(node, group, "running", "unreachable", null, false, -1, address);
        }
        if ("master".equals(info.get("role"))) {
            return new ClusterStatus.Node(node, group, "running", "master", null, false,
                    number(info.get("master_repl_offset")), address);
        }
        int port = (int) number(info.get("master_port"));
        String follows = portToNode.get(port);
        boolean linkUp = "up".equals(info.get("master_link_status"));
        return new ClusterStatus.Node(node, group, "running", follows == null ? "parked" : "replica", follows, linkUp,
                number(info.get("slave_repl_offset")), address);
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
