package io.faultline.sut.cluster;

import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.process.PidDirectory;
import io.faultline.sut.redis.RedisBinary;
import io.faultline.sut.redis.RedisBinaryException;
import io.faultline.sut.redis.RedisBinaryLocator;
import io.faultline.sut.redis.RedisServer;
import io.faultline.sut.redis.RedisStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * The {@code local} runtime: redis-server and lease-agent processes on 127.0.0.1 and an embedded
 * ZooKeeper ensemble (or an external one). Every inter-node link goes through the
 * {@link LinkRouter}: asked once per link at start. Thread-safe; see {@link Cluster} for the
 * lifecycle. A JVM shutdown hook stops everything if the JVM exits before {@link #close()}, and
 * {@link #start()} first sweeps processes that a crashed JVM left behind ({@link PidDirectory}).
 */
public final class LocalCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

    private final ClusterSpec spec;
    private final LinkRouter router;
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, LocalNode> nodes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "faultline-cluster-shutdown");
    private Path workDir;
    private final ZooKeeperSide zooKeeper;
    private boolean started;
    private volatile boolean closed;

    private LocalCluster(ClusterSpec spec, LinkRouter router) {
        this.spec = spec;
        this.router = router;
        this.zooKeeper = new ZooKeeperSide(spec, this::requireStarted);
        for (int g = 1; g <= spec.groups(); g++) {
            groups.put("g" + g, List.copyOf(spec.membersOf(g)));
        }
    }

    /** A cluster with direct links. Not started. */
    public static LocalCluster create(ClusterSpec spec) {
        return create(spec, LinkRouter.direct());
    }

    /** A cluster whose links are routed by {@code router}. Not started. */
    public static LocalCluster create(ClusterSpec spec, LinkRouter router) {
        java.util.Objects.requireNonNull(spec, "spec");
        java.util.Objects.requireNonNull(router, "router");
        return new LocalCluster(spec, router);
    }

    @Override
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("a cluster starts once; this one already did");
        }
        if (closed) {
            throw new IllegalStateException("this cluster is closed");
        }
        started = true;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            doStart();
        } catch (ClusterStartException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new ClusterStartException("cluster start failed: " + e, e);
        }
    }

    private void doStart() throws Exception {
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
        workDir = spec.workDir() != null ? Files.createDirectories(spec.workDir())
                : Files.createTempDirectory("faultline-cluster-");
        Ports.Reservation reserved = Ports.reserve(spec.basePort(), spec.nodes());
        try {
            startReserved(reserved, binary, pids);
        } finally {
            reserved.release();
        }
    }

    private void startReserved(Ports.Reservation reserved, RedisBinary binary, PidDirectory pids) throws Exception {
        List<Integer> ports = reserved.ports();
        Map<String, InetSocketAddress> zks = zooKeeper.start(workDir);
        zooKeeper.connectAdmin(groups);
        LOG.info("starting {} nodes in {} with {} ({}), zookeeper {}", spec.nodes(), workDir, binary.path(),
                binary.source(), zooKeeper.connectString());
        Map<String, RedisServer> servers = new LinkedHashMap<>();
        for (String node : nodes()) {
            Path dir = workDir.resolve(node);
            servers.put(node, new RedisServer(binary, ports.get(servers.size()), dir, dir.resolve("redis.log"),
                    spec.persistence()));
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String node : group.getValue()) {
                nodes.put(node, new LocalNode(node, servers.get(node),
                        new NodeAgent(agentConfig(node, group.getKey(), zks, servers), workDir.resolve(node), pids), pids));
            }
        }
        reserved.release(); // the Redis processes bind them now
        for (LocalNode node : nodes.values()) {
            try {
                node.startRedis();
            } catch (RedisStartException e) {
                throw new ClusterStartException(e.getMessage()
                        + (spec.basePort() != 0 ? " (basePort " + spec.basePort() + ": choose another, or 0 for free ports)" : ""), e);
            }
        }
        for (LocalNode node : nodes.values()) {
            node.agent().start();
        }
        awaitReady(spec.startTimeout());
    }

    private AgentConfig agentConfig(String node, String group, Map<String, InetSocketAddress> zks,
                                    Map<String, RedisServer> servers) {
        String connect = zks.entrySet().stream()
                .map(zk -> LinkRouter.hostPort(LinkRouter.routeChecked(router, node, zk.getKey(), LinkKind.AGENT_TO_ZOOKEEPER, zk.getValue())))
                .collect(Collectors.joining(","));
        Map<String, InetSocketAddress> peers = new LinkedHashMap<>();
        for (String peer : groups.get(group)) {
            if (!peer.equals(node)) {
                peers.put(peer, LinkRouter.routeChecked(router, node, peer, LinkKind.REPLICATION,
                        servers.get(peer).address()));
            }
        }
        InetSocketAddress own = servers.get(node).address();
        return new AgentConfig(node, group, own, own, connect, spec.sessionTimeout(), spec.onLeaseLoss(), peers);
    }

    /** Waits until every group has a lease holder whose Redis is master and every replica's link to it is up. */
    private void awaitReady(Duration timeout) {
        StringBuilder lastProblem = new StringBuilder();
        boolean ready = Await.until(() -> {
            lastProblem.setLength(0);
            lastProblem.append(readinessProblem().orElse(""));
            return lastProblem.length() == 0;
        }, timeout, Duration.ofMillis(100));
        if (!ready) {
            StringBuilder logs = new StringBuilder();
            for (LocalNode n : nodes.values()) {
                logs.append("\n").append(n.id()).append(n.agent().isAlive() ? "" : " (agent exited)").append(" agent.log: ")
                        .append(RedisServer.tail(n.agent().log()));
            }
            throw new ClusterStartException("cluster not ready after " + timeout + ": " + lastProblem
                    + ". If agents cannot reach ZooKeeper, check the ZooKeeper servers and the LinkRouter's "
                    + "AGENT_TO_ZOOKEEPER routes; see the agent logs in " + workDir + ":" + logs);
        }
    }

    private Optional<String> readinessProblem() {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            Optional<Lease> lease;
            try {
                lease = zooKeeper.admin().lease(group.getKey());
            } catch (Exception e) {
                return Optional.of("cannot read the lease of " + group.getKey() + ": " + e);
            }
            if (lease.isEmpty()) {
                return Optional.of(group.getKey() + " has no lease holder (no agent of " + group.getValue()
                        + " has reached ZooKeeper)");
            }
            String master = lease.get().node();
            for (String node : group.getValue()) {
                try (Jedis j = new Jedis(RedisServer.HOST, nodes.get(node).server().port(), 500)) {
                    String info = j.info("replication");
                    if (node.equals(master) && !info.contains("role:master")) {
                        return Optional.of(master + " holds the lease of " + group.getKey() + " but is not master yet");
                    }
                    if (node.equals(master) && info.contains("min_slaves_good_slaves:0")) {
                        return Optional.of(master + " has no good replica yet (min-replicas-to-write)");
                    }
                    if (!node.equals(master) && !info.contains("master_link_status:up")) {
                        return Optional.of(node + " is not yet in sync with " + master);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public ClusterSpec spec() {
        return spec;
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(groups.values().stream().flatMap(List::stream).toList());
    }

    @Override
    public Map<String, List<String>> groups() {
        return java.util.Collections.unmodifiableMap(groups);
    }

    @Override
    public String groupOf(String node) {
        return groups.entrySet().stream().filter(e -> e.getValue().contains(node)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + node + "', have " + nodes()));
    }

    @Override
    public InetSocketAddress redisAddress(String node) {
        return node(node).server().address();
    }

    /** The ZooKeeper server ids and their real addresses. */
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
        return ClientConfig.builder(zookeeperConnectString()).router(router).replication(spec.replication())
                .virtualNodes(spec.virtualNodes());
    }

    /** The directory holding the nodes' directories and logs. */
    public Path workDir() {
        return workDir;
    }

    @Override
    public void startNode(String node) {
        try {
            node(node).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + node + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stopNode(String node) {
        node(node).stop();
    }

    @Override
    public void restartNode(String node) {
        stopNode(node);
        startNode(node);
    }

    @Override
    public boolean isRunning(String node) {
        return node(node).isRunning();
    }

    @Override
    public void kill(String node) {
        node(node).kill();
    }

    @Override
    public void pause(String node) {
        node(node).pause();
    }

    @Override
    public void resume(String node) {
        node(node).resume();
    }

    @Override
    public List<Path> logFiles(String node) {
        return node(node).logFiles();
    }

    @Override
    public void stopZooKeeper(String zk) {
        zooKeeper.stopZooKeeper(zk);
    }

    @Override
    public void startZooKeeper(String zk) {
        zooKeeper.startZooKeeper(zk);
    }

    private LocalNode node(String id) {
        requireStarted();
        LocalNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "', have " + nodes.keySet());
        }
        return n;
    }

    private void requireStarted() {
        if (!started || closed) {
            throw new IllegalStateException("cluster is " + (closed ? "closed" : "not started"));
        }
    }

    /** Stops agents, then Redis servers, then ZooKeeper, in reverse order of start. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<LocalNode> reversed = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reversed);
        for (LocalNode n : reversed) {
            try {
                n.kill();
            } catch (RuntimeException e) {
                LOG.warn("could not kill {}: {}", n.id(), e.toString());
            }
        }
        zooKeeper.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // the JVM is already shutting down, or start() never registered it
            }
        }
    }
}
