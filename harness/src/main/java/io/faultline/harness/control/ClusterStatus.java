package io.faultline.harness.control;

import java.util.List;

/**
 * A snapshot of a running cluster, as {@code faultline cluster status} shows it.
 *
 * @param pid         the daemon's process id
 * @param replication {@code async} or {@code sync}
 * @param onLeaseLoss {@code keep} or {@code demote}
 * @param nodes       each node's state and role, in node order
 * @param groups      each group's lease, in group order
 * @param partition   the grudge spec in effect, or null when the network is whole
 * @param cutLinks    the cut links as {@code a-b} pairs (both directions cut), sorted
 * @param latency     the latency in effect, e.g. {@code 200ms on every link}, or null
 */
public record ClusterStatus(long pid, String replication, String onLeaseLoss, List<Node> nodes, List<Group> groups,
                            String partition, List<String> cutLinks, String latency) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
        groups = List.copyOf(groups);
        cutLinks = List.copyOf(cutLinks);
    }

    /**
     * One node.
     *
     * @param node     {@code n1}
     * @param group    {@code g1}
     * @param state    {@code running}, {@code paused} or {@code dead}
     * @param role     {@code master}, {@code replica}, {@code parked} (a replica of nothing, not
     *                 serving), {@code unreachable}, or {@code -} when paused or dead
     * @param follows  the node a replica follows, or null
     * @param linkUp   whether a replica's link to its master is up
     * @param offset   {@code master_repl_offset} of a master, {@code slave_repl_offset} of a replica, -1 unknown
     * @param address  where its Redis listens (not through the proxy)
     */
    public record Node(String node, String group, String state, String role, String follows, boolean linkUp,
                       long offset, String address) {
    }

    /**
     * One group's lease.
     *
     * @param group   {@code g1}
     * @param members its nodes
     * @param holder  the lease holder, or null when nobody holds the lease
     * @param epoch   the lease's epoch (grows with every new holder), or -1
     */
    public record Group(String group, List<String> members, String holder, long epoch) {
    }

    /** The nodes in a state: {@code paused} or {@code dead}. */
    public List<String> nodesIn(String state) {
        return nodes.stream().filter(n -> n.state().equals(state)).map(Node::node).toList();
    }

    /** The nodes whose Redis says it is master. */
    public List<String> masters() {
        return nodes.stream().filter(n -> n.role().equals("master")).map(Node::node).toList();
    }
}
