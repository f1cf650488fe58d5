package io.faultline.harness.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code faultline cluster status}: a table with a row per node (group, state, role,
 * the master a replica follows and its link, replication offset, Redis address), then one line per
 * group's lease and one each for the partition, cut links, latency, paused and dead nodes.
 */
public final class StatusTable {

    private StatusTable() {
    }

    /** The status as lines of text. */
    public static List<String> render(ClusterStatus s) {
        List<String> lines = new ArrayList<>();
        lines.add("cluster: daemon pid " + s.pid() + ", " + s.nodes().size() + " nodes, " + s.replication()
                + " replication, " + s.onLeaseLoss() + " on lease loss");
        String format = "%-5s %-6s %-8s %-11s %-8s %-5s %-9s %s";
        lines.add(String.format(format, "node", "group", "state", "role", "follows", "link", "offset", "redis").stripTrailing());
        for (ClusterStatus.Node n : s.nodes()) {
            boolean replica = n.follows() != null;
            lines.add(String.format(format, n.node(), n.group(), n.state(), n.role(), replica ? n.follows() : "-",
                    replica ? (n.linkUp() ? "up" : "down") : "-", n.offset() < 0 ? "-" : Long.toString(n.offset()),
                    n.address()).stripTrailing());
        }
        for (ClusterStatus.Group g : s.groups()) {
            lines.add("lease " + g.group() + ": " + (g.holder() == null ? "nobody holds it"
                    : g.holder() + " (epoch " + g.epoch() + ")"));
        }
        lines.add("partition: " + (s.partition() == null ? "none" : s.partition()));
        lines.add("cut links: " + (s.cutLinks().isEmpty() ? "none" : String.join(" ", s.cutLinks())));
        lines.add("latency: " + (s.latency() == null ? "none" : s.latency()));
        lines.add("paused: " + list(s.nodesIn("paused")));
        lines.add("dead: " + list(s.nodesIn("dead")));
        return lines;
    }

    private static String list(List<String> nodes) {
        return nodes.isEmpty() ? "none" : String.join(" ", nodes);
    }
}
