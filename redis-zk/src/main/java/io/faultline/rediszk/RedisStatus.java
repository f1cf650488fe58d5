package io.faultline.rediszk;

import io.faultline.core.node.HasStatus;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.lease.Lease;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bundled system's part of {@code faultline cluster status}: a table with a row per node (group,
 * state, role, the master a replica follows and its link, replication offset, Redis address), then a
 * line per group's lease. Roles come from each running node's {@code INFO replication}.
 */
final class RedisStatus {

    private RedisStatus() {
    }

    /**
     * @param portToNode the port of every address that reaches a node's Redis (its own, and the link
     *                   proxies in front of it), to name the master a replica follows
     */
    static HasStatus.Status of(Cluster cluster, Map<Integer, String> portToNode, Function<String, String> stateOf)
            throws Exception {
        List<NodeProbe.NodeRow> rows = new ArrayList<>();
        for (String n : cluster.nodes()) {
            String state = stateOf.apply(n);
            InetSocketAddress redis = cluster.redisAddress(n);
            rows.add(state.equals("running") ? NodeProbe.probe(n, cluster.groupOf(n), redis, portToNode)
                    : new NodeProbe.NodeRow(n, cluster.groupOf(n), state, "-", null, false, -1,
                    redis.getHostString() + ":" + redis.getPort()));
        }
        List<String> lines = new ArrayList<>(table(rows));
        for (Map.Entry<String, List<String>> g : cluster.groups().entrySet()) {
            Optional<Lease> lease = cluster.leaseStatus().lease(g.getKey());
            lines.add("lease " + g.getKey() + ": " + lease.map(l -> l.node() + " (epoch " + l.epoch() + ")")
                    .orElse("nobody holds it"));
        }
        ClusterSpecText spec = new ClusterSpecText(cluster);
        return new HasStatus.Status(spec.summary(), lines);
    }

    static List<String> table(List<NodeProbe.NodeRow> rows) {
        List<String> lines = new ArrayList<>();
        String format = "%-5s %-6s %-8s %-11s %-8s %-5s %-9s %s";
        lines.add(String.format(format, "node", "group", "state", "role", "follows", "link", "offset", "redis").stripTrailing());
        for (NodeProbe.NodeRow n : rows) {
            boolean replica = n.follows() != null;
            lines.add(String.format(format, n.node(), n.group(), n.state(), n.role(), replica ? n.follows() : "-",
                    replica ? (n.linkUp() ? "up" : "down") : "-", n.offset() < 0 ? "-" : Long.toString(n.offset()),
                    n.address()).stripTrailing());
        }
        return lines;
    }

    /** The cluster's safety settings in words. */
    private record ClusterSpecText(Cluster cluster) {
        String summary() {
            return RedisZkSystem.words(cluster.spec().replication()) + " replication, "
                    + RedisZkSystem.words(cluster.spec().onLeaseLoss()) + " on lease loss";
        }
    }
}
