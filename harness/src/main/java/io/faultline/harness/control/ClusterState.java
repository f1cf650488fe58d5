package io.faultline.harness.control;

import java.util.List;
import java.util.Objects;

/**
 * What the state file says about a running cluster, so that later commands find it: the daemon's
 * process, its control endpoint, and what a client needs to talk to the cluster directly.
 *
 * @param pid              the daemon's process id
 * @param controlUrl       the control endpoint, e.g. {@code http://127.0.0.1:40123}
 * @param runtime          {@code local} or {@code docker}
 * @param nodes            the Redis nodes, {@code n1..nN}
 * @param zookeepers       the ZooKeeper servers' link names, {@code zk1..zkK}
 * @param zookeeperConnect the ZooKeeper connect string (direct, not through the fault proxy)
 * @param replication      {@code async} or {@code sync}: what clients of the cluster do
 * @param onLeaseLoss      {@code keep} or {@code demote}
 * @param virtualNodes     ring points per group, for clients that route keys
 * @param log              the daemon's log file
 */
public record ClusterState(long pid, String controlUrl, String runtime, List<String> nodes, List<String> zookeepers,
                           String zookeeperConnect, String replication, String onLeaseLoss, int virtualNodes,
                           String log) {

    public ClusterState {
        if (pid <= 0) throw new IllegalArgumentException("pid must be > 0, was " + pid);
        Objects.requireNonNull(controlUrl, "controlUrl");
        nodes = List.copyOf(nodes);
        zookeepers = List.copyOf(zookeepers);
        Objects.requireNonNull(zookeeperConnect, "zookeeperConnect");
    }

    /** The nodes for messages: {@code n1..n5}. */
    public String nodeRange() {
        return nodes.isEmpty() ? "none" : nodes.size() == 1 ? nodes.get(0)
                : nodes.get(0) + ".." + nodes.get(nodes.size() - 1);
    }
}
