package io.faultline.sut.cluster;

import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.redis.RedisBinary;
import io.faultline.sut.redis.RedisBinaryException;
import io.faultline.sut.redis.RedisBinaryLocator;
import io.faultline.sut.redis.RedisServer;
import io.faultline.sut.redis.RedisStartException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code local} runtime: redis-server and lease-agent processes on 127.0.0.1 and an embedded
 * ZooKeeper ensemble (or an external one). Every inter-node link goes through the
 * {@link LinkRouter}: asked once per link at start. Thread-safe; see {@link Cluster} for the
 * lifecycle. A JVM shutdown hook stops everything if the JVM exits before {@link #close()}, and
 * {@link #start()} first sweeps processes that a crashed JVM left behind ({@link PidDirectory}).
 * What it shares with the other runtimes lives in its {@link ClusterCore} and {@link ZooKeeperSide}.
 */
public final class LocalCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

    private final ClusterCore<LocalNode> core;
    private final ZooKeeperSide zooKeeper;
    private volatile Path workDir;

    private LocalCluster(ClusterSpec spec, LinkRouter router) {
        this.core = new ClusterCore<>("cluster", spec, router, LOG, this::close);
        this.zooKeeper = new ZooKeeperSide(spec, core::requireStarted);
    }

    /** A cluster with direct links. Not started. */
    public static LocalCluster create(ClusterSpec spec) {
        return create(spec, LinkRouter.direct());
    }

    /** A cluster whose links are routed by {@code router}. Not started. */
    public static LocalCluster create(ClusterSpec spec, LinkRouter router) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(router, "router");
        return new LocalCluster(spec, router);
    }

    @Override
    public void start() {
        core.start(this::doStart);
    }

    private void doStart() throws Exception {
        ClusterSpec spec = core.spec();
        PidDirectory pids = PidDirectory.at(spec.pidDir());
        List<String> swept = pids.sweep();
        if (!swept.isEmpty()) {
            LOG.warn("killed processes left behind by a dead harness: {}", swept);
        }
        RedisBinary binary;
        try {
            binary = RedisBinaryLocator.standard().locate(spec.redisBinary());
        } catch (RedisBinaryException e) {
            throw new ClusterStartException(e.getMessage(), e);
        }
        workDir = core.workDir(spec.workDir(), "faultline-cluster-");
        Ports.Reservation reserved = Ports.reserve(spec.basePort(), spec.nodes());
        try {
            startReserved(reserved, binary, pids);
        } finally {
            reserved.release();
        }
    }

    private void startReserved(Ports.Reservation reserved, RedisBinary binary, PidDirectory pids) throws Exception {
        ClusterSpec spec = core.spec();
        List<Integer> ports = reserved.ports();
        Map<String, InetSocketAddress> zks = zooKeeper.start(workDir);
        zooKeeper.connectAdmin(core.groups());
        LOG.info("starting {} nodes in {} with {} ({}), zookeeper {}", spec.nodes(), workDir, binary.path(),
                binary.source(), zooKeeper.connectString());
        Map<String, RedisServer> servers = new LinkedHashMap<>();
        for (String node : nodes()) {
            Path dir = workDir.resolve(node);
            servers.put(node, new RedisServer(binary, ports.get(servers.size()), dir, dir.resolve("redis.log"),
                    spec.persistence()));
        }
        AgentFleet agents = core.agentFleet(zks, node -> servers.get(node).address(), workDir, pids);
        core.addNodes((node, group) -> new LocalNode(node, servers.get(node), agents.agent(node, group), pids));
        reserved.release(); // the Redis processes bind them now
        for (LocalNode node : core.all()) {
            try {
                node.startRedis();
            } catch (RedisStartException e) {
                throw new ClusterStartException(e.getMessage()
                        + (spec.basePort() != 0 ? " (basePort " + spec.basePort() + ": choose another, or 0 for free ports)" : ""), e);
            }
        }
        core.startAgents();
        core.awaitReady(zooKeeper.admin(), node -> servers.get(node).address(), true,
                ". If agents cannot reach ZooKeeper, check the ZooKeeper servers and the LinkRouter's "
                        + "AGENT_TO_ZOOKEEPER routes; see the agent logs in " + workDir + ":");
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

    /** The ZooKeeper server ids and their real addresses (empty for an external ensemble). */
    public Map<String, InetSocketAddress> zookeeperAddresses() {
        return zooKeeper.addresses();
    }

    @Override
    public String zookeeperConnectString() {
        return zooKeeper.connectString();
    }

    @Override
    public LeaseStatus leaseStatus() {
        return zooKeeper.admin();
    }

    @Override
    public ClientConfig.Builder clientConfig() {
        return core.clientConfig(zookeeperConnectString());
    }

    /** The directory holding the nodes' directories and logs (known once started). */
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

    /** @throws IllegalStateException if it fails, or if ZooKeeper is external */
    @Override
    public void stopZooKeeper(String zk) {
        zooKeeper.stopZooKeeper(zk);
    }

    /** @throws IllegalStateException if it fails, or if ZooKeeper is external */
    @Override
    public void startZooKeeper(String zk) {
        zooKeeper.startZooKeeper(zk);
    }

    /** Kills agents and Redis servers in reverse order of start, then stops ZooKeeper. Idempotent. */
    @Override
    public void close() {
        core.close(LocalNode::kill, "kill", zooKeeper::close);
    }
}
