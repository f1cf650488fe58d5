package io.faultline.harness.control;

import java.util.List;

/**
 * A snapshot of a running cluster, as {@code faultline cluster status} shows it.
 *
 * @param pid         the daemon's process id
 * @param system      the system's name
 * @param summary     the system's summary, e.g. {@code sync replication, demote on lease loss}; may be empty
 * @param nodes       each node's state, in node order
 * @param systemLines the system's own lines (e.g. roles and leases); may be empty
 * @param partition   the grudge spec in effect, or null when the network is whole
 * @param cutLinks    the cut links as {@code a-b} pairs (both directions cut), sorted
 * @param latency     the latency in effect, e.g. {@code 200ms on every link}, or null
 */
public record ClusterStatus(long pid, String system, String summary, List<Node> nodes, List<String> systemLines,
                            String partition, List<String> cutLinks, String latency) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        systemLines = systemLines == null ? List.of() : List.copyOf(systemLines);
        cutLinks = List.copyOf(cutLinks);
    }

    /**
     * One node.
     *
     * @param node  e.g. {@code n1}
     * @param state {@code running}, {@code paused} or {@code dead}
     */
    public record Node(String node, String state) {
    }

    /** The nodes in a state: {@code paused} or {@code dead}. */
    public List<String> nodesIn(String state) {
        return nodes.stream().filter(n -> n.state().equals(state)).map(Node::node).toList();
    }
}
