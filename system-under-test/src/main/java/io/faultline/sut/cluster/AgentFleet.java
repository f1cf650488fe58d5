package io.faultline.sut.cluster;

import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The lease agents of a cluster being started: each node's {@link AgentConfig} with its links asked
 * of the {@link LinkRouter} (once each, in a fixed order), wrapped in a {@link NodeAgent} living in
 * {@code workDir/<node>}. Made by {@link ClusterCore#agentFleet}; used during start only.
 */
public final class AgentFleet {
    /** What a replica's Redis dials to replicate from its master, given the routed address. */
    @FunctionalInterface
    public interface ReplicaDial {
        /** @throws ClusterStartException if {@code routed} cannot be dialled from where the replica runs */
        InetSocketAddress address(String replica, String master, InetSocketAddress routed);
    }

    private final ClusterSpec spec;
    private final LinkRouter router;
    private final Map<String, List<String>> groups;
    private final Map<String, InetSocketAddress> zookeepers;
    private final Function<String, InetSocketAddress> redisAddress;
    private final Path workDir;
    private final PidDirectory pids;

    AgentFleet(ClusterSpec spec, LinkRouter router, Map<String, List<String>> groups,
               Map<String, InetSocketAddress> zookeepers, Function<String, InetSocketAddress> redisAddress,
               Path workDir, PidDirectory pids) {
        this.spec = spec;
        this.router = router;
        this.groups = groups;
        this.zookeepers = zookeepers;
        this.redisAddress = redisAddress;
        this.workDir = workDir;
        this.pids = pids;
    }

    /** The (not launched) agent of {@code node} in {@code group}; its replicas dial the routed address as is. */
    public NodeAgent agent(String node, String group) {
        return agent(node, group, (replica, master, routed) -> routed);
    }

    /**
     * The (not launched) agent of {@code node} in {@code group}. Asks the router, in this order, for
     * the node's {@link LinkKind#AGENT_TO_ZOOKEEPER} link to each ZooKeeper server, then for the
     * {@link LinkKind#REPLICATION} link from it to each other member of its group (member order),
     * whose routed address {@code dial} turns into what the node's Redis dials. The agent reaches
     * its own Redis directly.
     */
    public NodeAgent agent(String node, String group, ReplicaDial dial) {
        return agent(node, group, dial, List.of());
    }

    /** As {@link #agent(String, String, ReplicaDial)}, the agent launched with {@code launcher} first (e.g. {@code ip netns exec NS}). */
    public NodeAgent agent(String node, String group, ReplicaDial dial, List<String> launcher) {
        return new NodeAgent(config(node, group, dial), workDir.resolve(node), pids, launcher);
    }

    /** As {@link #agent(String, String, ReplicaDial)}, the agent launched by {@code starter} (e.g. on a remote host). */
    public NodeAgent agent(String node, String group, ReplicaDial dial, NodeAgent.Starter starter) {
        return new NodeAgent(config(node, group, dial), workDir.resolve(node), starter);
    }

    /** The configuration of {@code node}'s agent, its links asked of the router as {@link #agent(String, String, ReplicaDial)} says. */
    private AgentConfig config(String node, String group, ReplicaDial dial) {
        String connect = zookeepers.entrySet().stream()
                .map(zk -> LinkRouter.hostPort(LinkRouter.routeChecked(router, node, zk.getKey(), LinkKind.AGENT_TO_ZOOKEEPER, zk.getValue())))
                .collect(Collectors.joining(","));
        Map<String, InetSocketAddress> peers = new LinkedHashMap<>();
        for (String peer : groups.get(group)) {
            if (!peer.equals(node)) {
                InetSocketAddress routed = LinkRouter.routeChecked(router, node, peer, LinkKind.REPLICATION,
                        redisAddress.apply(peer));
                peers.put(peer, dial.address(node, peer, routed));
            }
        }
        InetSocketAddress own = redisAddress.apply(node);
        return new AgentConfig(node, group, own, own, connect, spec.sessionTimeout(), spec.onLeaseLoss(), peers);
    }
}
