package io.faultline.harness.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state file's content: what the commands need to find and use a running cluster, so that later
 * commands find it: the daemon's process, its control endpoint, the system and its options, and what
 * a client needs to join it ({@code attachment}, see {@link io.faultline.core.node.Attachable}).
 *
 * @param pid        the daemon's process id
 * @param controlUrl the control endpoint, e.g. {@code http://127.0.0.1:40123}
 * @param system     the system's name, e.g. {@code redis-zk}
 * @param runtime    e.g. {@code local} or {@code docker}
 * @param options    the system's options, by name
 * @param nodes      the nodes, e.g. {@code n1..nN}
 * @param extraHosts the hosts beside the nodes that partitions may cut, e.g. {@code zk1..zkK}
 * @param attachment what a client in another process needs to connect; may be empty
 * @param log        the daemon's log file
 */
public record ClusterState(long pid, String controlUrl, String system, String runtime, Map<String, String> options,
                           List<String> nodes, List<String> extraHosts, Map<String, String> attachment, String log) {

    public ClusterState {
        if (pid <= 0) throw new IllegalArgumentException("pid must be > 0, was " + pid);
        Objects.requireNonNull(controlUrl, "controlUrl");
        Objects.requireNonNull(system, "system");
        options = options == null ? Map.of() : Map.copyOf(options);
        nodes = List.copyOf(nodes);
        extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
        attachment = attachment == null ? Map.of() : Map.copyOf(attachment);
    }

    /** The nodes for messages: {@code n1..n5}. */
    public String nodeRange() {
        return nodes.isEmpty() ? "none" : nodes.size() == 1 ? nodes.get(0)
                : nodes.get(0) + ".." + nodes.get(nodes.size() - 1);
    }
}
