package io.faultline.sut.netns;

import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsException;
import io.faultline.hosts.netns.NetnsLeftovers;
import io.faultline.hosts.netns.NetnsNetwork;
import io.faultline.hosts.netns.NetnsRequirements;
import io.faultline.hosts.netns.PacketFilter;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.cluster.AgentFleet;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterCore;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.cluster.LocalNode;
import io.faultline.sut.cluster.ZooKeeperControl;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.redis.RedisBinary;
import io.faultline.sut.redis.RedisBinaryException;
import io.faultline.sut.redis.RedisBinaryLocator;
import io.faultline.sut.redis.RedisServer;
import io.faultline.sut.redis.RedisStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code netns} runtime: every node (its redis-server and lease agent) and every ZooKeeper server
 * runs in a network namespace of its own, with its own address on a private bridge
 * ({@link NetnsNetwork}); the harness reaches them from the root namespace over the bridge, as a
 * control node. Links are direct (no fault proxy): faults are packets, through {@link #network()}'s
 * {@link PacketFilter}, and signals to the processes (kill, pause). Nodes listen on port 6379 of their
 * address, ZooKeeper servers on 2181.
 *
 * <p>Start first sweeps what a dead harness left (processes by pid record, namespaces and links by
 * run record), then makes the network. {@link #close()} kills every process and removes every
 * namespace and link; a JVM shutdown hook does the same on Ctrl-C. Thread-safe; see {@link Cluster}
 * for the lifecycle.
 */
public final class NetnsCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsCluster.class);
    /** Where each node's Redis listens, on its own address. */
    public static final int REDIS_PORT = 6379;
    private static final Duration ADMIN_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterCore<LocalNode> core;
    private final AddressRange range;
    private final NetnsLeftovers records;
    private volatile Path workDir;
    private volatile NetnsNetwork network;
    private volatile ZooKeeperServers zooKeepers;
    private volatile LeaseStatus admin;

    private NetnsCluster(ClusterSpec spec, AddressRange range, NetnsLeftovers records) {
        this.core = new ClusterCore<>("netns cluster", spec, LinkRouter.direct(), LOG, this::close);
        this.range = range;
        this.records = records;
    }

    /**
     * A cluster in {@code range} (not started), its runs recorded in {@link NetnsLeftovers#defaultLocation()}.
     *
     * @throws IllegalArgumentException if the spec names an external ZooKeeper (the netns runtime runs its own)
     */
    public static NetnsCluster create(ClusterSpec spec, AddressRange range) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(range, "range");
        if (spec.zookeeperConnect() != null) {
            throw new IllegalArgumentException("the netns runtime runs its own ZooKeeper servers; zookeeperConnect must be unset");
        }
        return new NetnsCluster(spec, range, NetnsLeftovers.at(NetnsLeftovers.defaultLocation()));
    }

    /** The hosts of a spec, in address order: {@code n1..nN}, then {@code zk1..zkK}. */
    public static List<String> hosts(ClusterSpec spec) {
        List<String> hosts = new ArrayList<>();
        IntStream.rangeClosed(1, spec.nodes()).forEach(i -> hosts.add("n" + i));
        IntStream.rangeClosed(1, spec.zookeepers()).forEach(i -> hosts.add("zk" + i));
        return hosts;
    }

    @Override
    public void start() {
        core.start(this::doStart);
    }

    private void doStart() throws Exception {
        ClusterSpec spec = core.spec();
        NetnsRequirements.missing().ifPresent(reason -> {
            throw new ClusterStartException("the netns runtime " + reason);
        });
        PidDirectory pids = PidDirectory.at(spec.pidDir());
        List<String> swept = new ArrayList<>(pids.sweep());
        swept.addAll(records.sweep());
        if (!swept.isEmpty()) {
            LOG.warn("removed what a dead harness left behind: {}", swept);
        }
        RedisBinary binary;
        try {
            binary = RedisBinaryLocator.standard().locate(spec.redisBinary());
        } catch (RedisBinaryException e) {
            throw new ClusterStartException(e.getMessage(), e);
        }
        workDir = core.workDir(spec.workDir(), "faultline-netns-");
        try {
            network = NetnsNetwork.create(range, hosts(spec), records);
        } catch (NetnsException e) {
            throw new ClusterStartException("cannot make the netns network: " + e.getMessage(), e);
        }
        List<String> zkIds = hosts(spec).subList(spec.nodes(), spec.nodes() + spec.zookeepers());
        zooKeepers = new ZooKeeperServers(network, zkIds, workDir.resolve("zookeeper"), spec.sessionTimeout(), pids);
        zooKeepers.startAll();
        if (!zooKeepers.awaitServing(spec.startTimeout())) {
            throw new ClusterStartException("ZooKeeper servers in namespaces not serving after " + spec.startTimeout()
                    + "; see " + zooKeepers.logFiles());
        }
        admin = LeaseStatus.connect(zooKeepers.connectString(), ADMIN_CONNECT_TIMEOUT);
        admin.writeLayout(core.groups());
        LOG.info("starting {} nodes in namespaces {}* on {} (harness at {}), in {}", spec.nodes(),
                network.names().namespace(""), range, network.bridgeAddress(), workDir);
        Map<String, RedisServer> servers = new LinkedHashMap<>();
        for (String node : nodes()) {
            Path dir = workDir.resolve(node);
            servers.put(node, new RedisServer(binary, network.address(node), REDIS_PORT, dir, dir.resolve("redis.log"),
                    spec.persistence(), network.launcher(node)));
        }
        AgentFleet agents = core.agentFleet(zooKeepers.addresses(), node -> servers.get(node).address(), workDir, pids);
        core.addNodes((node, group) -> new LocalNode(node, servers.get(node),
                agents.agent(node, group, (replica, master, routed) -> routed, network.launcher(node)), pids));
        for (LocalNode node : core.all()) {
            try {
                node.startRedis();
            } catch (RedisStartException e) {
                throw new ClusterStartException(e.getMessage(), e);
            }
        }
        core.startAgents();
        core.awaitReady(admin, node -> servers.get(node).address(), true,
                ". If agents cannot reach ZooKeeper, see the ZooKeeper logs " + zooKeepers.logFiles()
                        + " and the agent logs in " + workDir + ":");
    }

    /** The run's network: addresses, namespaces, and the packet filter the nemeses use. */
    public NetnsNetwork network() {
        core.requireStarted();
        return network;
    }

    @Override
    public ClusterSpec spec() {
        return core.spec();
    }

    @Override
    public List<String> nodes() {
        return core.nodes();
    }

    @Override
    public Map<String, List<String>> groups() {
        return core.groups();
    }

    @Override
    public String groupOf(String node) {
        return core.groupOf(node);
    }

    @Override
    public InetSocketAddress redisAddress(String node) {
        return core.node(node).server().address();
    }

    @Override
    public String zookeeperConnectString() {
        core.requireStarted();
        return zooKeepers.connectString();
    }

    @Override
    public LeaseStatus leaseStatus() {
        core.requireStarted();
        return admin;
    }

    @Override
    public ClientConfig.Builder clientConfig() {
        return core.clientConfig(zookeeperConnectString());
    }

    /** The directory holding the nodes' and ZooKeeper servers' directories and logs (known once started). */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void startNode(String node) {
        core.startNode(node);
    }

    @Override
    public void stopNode(String node) {
        core.stopNode(node);
    }

    @Override
    public void restartNode(String node) {
        core.restartNode(node);
    }

    @Override
    public boolean isRunning(String node) {
        return core.isRunning(node);
    }

    @Override
    public void kill(String node) {
        core.kill(node);
    }

    @Override
    public void pause(String node) {
        core.pause(node);
    }

    @Override
    public void resume(String node) {
        core.resume(node);
    }

    @Override
    public List<Path> logFiles(String node) {
        return core.logFiles(node);
    }

    /** Kills ZooKeeper server {@code zk} (SIGKILL). */
    @Override
    public void stopZooKeeper(String zk) {
        core.requireStarted();
        zooKeepers.kill(zk);
    }

    /** Starts ZooKeeper server {@code zk} again. */
    @Override
    public void startZooKeeper(String zk) {
        core.requireStarted();
        try {
            zooKeepers.start(zk);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ZooKeeper server " + zk + ": " + e.getMessage(), e);
        }
    }

    /** Kills agents and Redis servers in reverse order, then ZooKeeper, then removes the network. Idempotent. */
    @Override
    public void close() {
        core.close(LocalNode::kill, "kill", () -> {
            if (admin != null) admin.close();
        }, () -> {
            if (zooKeepers != null) zooKeepers.close();
        }, () -> {
            if (network != null) network.close();
        });
    }
}
