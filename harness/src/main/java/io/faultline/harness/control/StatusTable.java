package io.faultline.harness.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code faultline cluster status}: a summary line, the system's own lines (for
 * {@code redis-zk} a table of nodes and roles and the leases; otherwise each node's state), then one
 * line each for the partition, cut links, latency, paused and dead nodes.
 */
public final class StatusTable {

    private StatusTable() {
    }

    /** The status as lines of text. */
    public static List<String> render(ClusterStatus s) {
        List<String> lines = new ArrayList<>();
        lines.add("cluster: daemon pid " + s.pid() + ", " + s.nodes().size() + " nodes, "
                + (s.summary() == null || s.summary().isEmpty() ? "system " + s.system() : s.summary()));
        if (s.systemLines().isEmpty()) {
            lines.add(String.format("%-5s %s", "node", "state"));
            for (ClusterStatus.Node n : s.nodes()) lines.add(String.format("%-5s %s", n.node(), n.state()));
        } else {
            lines.addAll(s.systemLines());
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
