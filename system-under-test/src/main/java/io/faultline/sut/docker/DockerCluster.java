package io.faultline.sut.docker;

import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.cluster.NodeAgent;
import io.faultline.sut.cluster.ZooKeeperControl;
import io.faultline.sut.cluster.ZooKeeperSide;
import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.process.PidDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;

/**
 * The {@code docker} runtime: each Redis node in its own container (Testcontainers) on a Docker
 * network of its own, lease agents as processes on this host, ZooKeeper embedded in this JVM as in
 * the local runtime. Links are routed by the {@link LinkRouter} as in the local runtime; a
 * replication link's routed address is dialled from inside a container, so it must be reachable
 * from there (the fault proxy listening on {@link DockerEngine#hostAddressForContainers()}); with
 * direct links replicas reach their master through the network's aliases.
 *
 * <p>Clean-up without Testcontainers' reaper: every container and the network carry
 * {@link DockerLeftovers#labels}; {@link #close()} removes them (also after a failed start), a JVM
 * shutdown hook closes the cluster on Ctrl-C, and {@link #start()} first sweeps what a dead
 * harness left behind. See {@link Cluster} for the lifecycle; node control is thread-safe.
 */
public final class DockerCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(DockerCluster.class);

    private final ClusterSpec spec;
    private final DockerOptions options;
    private final LinkRouter router;
    private final String runId = String.format("%08x", ThreadLocalRandom.current().nextInt());
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, DockerNode> nodes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "faultline-docker-cluster-shutdown");
    private Path workDir;
    private String image;
    private Network network;
    private final ZooKeeperSide zooKeeper;
    private boolean started;
    private volatile boolean closed;

    private DockerCluster(ClusterSpec spec, DockerOptions options, LinkRouter router) {
        this.spec = spec;
        this.options = options;
        this.router = router;
        this.zooKeeper = new ZooKeeperSide(spec, this::requireStarted);
        for (int g = 1; g <= spec.groups(); g++) {
            groups.put("g" + g, List.copyOf(spec.membersOf(g)));
        }
    }

    /**
     * A cluster whose links are routed by {@code router}. Not started.
     *
     * @throws IllegalArgumentException if {@code spec} names an external ZooKeeper (not supported here)
     */
    public static DockerCluster create(ClusterSpec spec, DockerOptions options, LinkRouter router) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(router, "router");
        if (spec.zookeeperConnect() != null) {
            throw new IllegalArgumentException("the docker runtime runs its own ZooKeeper; zookeeperConnect must be "
                    + "unset, was " + spec.zookeeperConnect());
        }
        return new DockerCluster(spec, options, router);
    }

    /** A cluster with direct links (replicas reach masters over the Docker network). Not started. */
    public static DockerCluster create(ClusterSpec spec, DockerOptions options) {
        return create(spec, options, LinkRouter.direct());
    }

    /** The id in the names and labels of this cluster's containers and network. */
    public String runId() {
        return runId;
    }

    /** The Redis image the containers run (known once started). */
    public String image() {
        return image;
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
            throw new ClusterStartException("docker cluster start failed: " + e, e);
        }
    }

    private void doStart() throws Exception {
        DockerEngine.unavailableReason().ifPresent(reason -> {
            throw new ClusterStartException("the docker runtime cannot run: " + reason + "; " + DockerEngine.REMEDY);
        });
        List<String> swept = DockerLeftovers.sweep(DockerEngine.client());
        if (!swept.isEmpty()) {
            LOG.warn("removed Docker resources left behind by a dead harness: {}", swept);
        }
        PidDirectory pids = PidDirectory.at(spec.pidDir());
        pids.sweep();
        image = DockerEngine.resolveImage(options);
        DockerEngine.ensureImage(image, options.pullTimeout());
        workDir = spec.workDir() != null ? Files.createDirectories(spec.workDir())
                : Files.createTempDirectory("faultline-docker-");
        Map<String, String> labels = DockerLeftovers.labels(runId);
        network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withName("faultline-" + runId).withLabels(labels))
                .build();
        network.getId();
        Map<String, InetSocketAddress> zks = zooKeeper.start(workDir); // embedded: create() refuses an external one
        zooKeeper.connectAdmin(groups);
        Map<String, RedisContainer> containers = new LinkedHashMap<>();
        for (String node : nodes()) {
            containers.put(node, new RedisContainer(node, "faultline-" + runId + "-" + node, image, network,
                    HostPorts.free(), labels, spec.persistence(), workDir.resolve(node).resolve("redis.log")));
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String node : group.getValue()) {
                nodes.put(node, new DockerNode(node, containers.get(node),
                        new NodeAgent(agentConfig(node, group.getKey(), zks, containers), workDir.resolve(node), pids),
                        options.restartMode()));
            }
        }
        LOG.info("starting {} Redis containers of {} on network faultline-{} (work dir {}), zookeeper {}",
                spec.nodes(), image, runId, workDir, zooKeeper.connectString());
        for (DockerNode node : nodes.values()) {
            node.startRedis();
        }
        for (DockerNode node : nodes.values()) {
            node.agent().start();
        }
        Readiness.await(zooKeeper.admin(), groups, n -> containers.get(n).hostAddress(), spec.startTimeout(), nodes.values());
    }

    private AgentConfig agentConfig(String node, String group, Map<String, InetSocketAddress> zks,
                                    Map<String, RedisContainer> containers) {
        String connect = zks.entrySet().stream()
                .map(zk -> LinkRouter.hostPort(LinkRouter.routeChecked(router, node, zk.getKey(), LinkKind.AGENT_TO_ZOOKEEPER, zk.getValue())))
                .collect(Collectors.joining(","));
        Map<String, InetSocketAddress> peers = new LinkedHashMap<>();
        for (String peer : groups.get(group)) {
            if (!peer.equals(node)) {
                peers.put(peer, replicationRoute(node, peer, containers.get(peer)));
            }
        }
        InetSocketAddress own = containers.get(node).hostAddress();
        return new AgentConfig(node, group, own, own, connect, spec.sessionTimeout(), spec.onLeaseLoss(), peers);
    }

    /** What {@code replica}'s container dials to replicate from {@code master}. */
    private InetSocketAddress replicationRoute(String replica, String master, RedisContainer masterContainer) {
        InetSocketAddress target = masterContainer.hostAddress();
        InetSocketAddress routed = LinkRouter.routeChecked(router, replica, master, LinkKind.REPLICATION, target);
        if (routed.equals(target)) {
            return masterContainer.networkAddress(); // a direct link: over the Docker network
        }
        if (routed.getAddress() != null && routed.getAddress().isLoopbackAddress()) {
            throw new ClusterStartException("the REPLICATION link " + replica + " -> " + master + " is routed to "
                    + LinkRouter.hostPort(routed) + ", a loopback address that containers cannot reach: make the fault "
                    + "proxy listen on " + DockerEngine.hostAddressForContainers() + " (DockerEngine.hostAddressForContainers())");
        }
        return routed;
    }

    @Override
    public ClusterSpec spec() {
        return spec;
    }

    @Override
    public List<String> nodes() {
        return groups.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public Map<String, List<String>> groups() {
        return Collections.unmodifiableMap(groups);
    }

    @Override
    public String groupOf(String node) {
        return groups.entrySet().stream().filter(e -> e.getValue().contains(node)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + node + "', have " + nodes()));
    }

    @Override
    public InetSocketAddress redisAddress(String node) {
        return node(node).redis().hostAddress();
    }

    @Override
    public String zookeeperConnectString() {
        return zooKeeper.connectString();
    }

    /** The ZooKeeper server ids and their real addresses. */
    public Map<String, InetSocketAddress> zookeeperAddresses() {
        return zooKeeper.addresses();
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

    /** The directory holding the nodes' logs and ZooKeeper's data. */
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

    private DockerNode node(String id) {
        requireStarted();
        DockerNode n = nodes.get(id);
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

    /**
     * Kills the agents and removes the containers (reverse order), then the network, then stops
     * ZooKeeper. Every step runs even if an earlier one failed. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<DockerNode> reversed = new ArrayList<>(nodes.values());
        Collections.reverse(reversed);
        for (DockerNode n : reversed) {
            try {
                n.destroy();
            } catch (RuntimeException e) {
                LOG.warn("could not remove node {}: {}", n.id(), e.toString());
            }
        }
        if (network != null) {
            try {
                network.close();
            } catch (RuntimeException e) {
                LOG.warn("could not remove network faultline-{}: {}", runId, e.toString());
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
