package io.faultline.sut.docker;

import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.cluster.AgentFleet;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterCore;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.cluster.ZooKeeperControl;
import io.faultline.sut.cluster.ZooKeeperSide;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkRouter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
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
 * harness left behind. See {@link Cluster} for the lifecycle; node control is thread-safe. What
 * it shares with the local runtime lives in its {@link ClusterCore} and {@link ZooKeeperSide}.
 */
public final class DockerCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(DockerCluster.class);

    private final DockerOptions options;
    private final String runId = String.format("%08x", ThreadLocalRandom.current().nextInt());
    private final ClusterCore<DockerNode> core;
    private final ZooKeeperSide zooKeeper;
    private volatile Path workDir;
    private volatile String image;
    private volatile Network network;

    private DockerCluster(ClusterSpec spec, DockerOptions options, LinkRouter router) {
        this.options = options;
        this.core = new ClusterCore<>("docker cluster", spec, router, LOG, this::close);
        this.zooKeeper = new ZooKeeperSide(spec, core::requireStarted);
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
    public void start() {
        core.start(this::doStart);
    }

    private void doStart() throws Exception {
        ClusterSpec spec = core.spec();
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
        workDir = core.workDir(spec.workDir(), "faultline-docker-");
        Map<String, String> labels = DockerLeftovers.labels(runId);
        network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withName("faultline-" + runId).withLabels(labels))
                .build();
        network.getId();
        Map<String, InetSocketAddress> zks = zooKeeper.start(workDir); // embedded: create() refuses an external one
        zooKeeper.connectAdmin(core.groups());
        Map<String, RedisContainer> containers = new LinkedHashMap<>();
        for (String node : nodes()) {
            containers.put(node, new RedisContainer(node, "faultline-" + runId + "-" + node, image, network,
                    HostPorts.free(), labels, spec.persistence(), workDir.resolve(node).resolve("redis.log")));
        }
        AgentFleet agents = core.agentFleet(zks, node -> containers.get(node).hostAddress(), workDir, pids);
        core.addNodes((node, group) -> new DockerNode(node, containers.get(node),
                agents.agent(node, group, (replica, master, routed) -> replicaDials(replica, master, routed, containers.get(master))),
                options.restartMode()));
        LOG.info("starting {} Redis containers of {} on network faultline-{} (work dir {}), zookeeper {}",
                spec.nodes(), image, runId, workDir, zooKeeper.connectString());
        for (DockerNode node : core.all()) {
            node.startRedis();
        }
        core.startAgents();
        core.awaitReady(zooKeeper.admin(), node -> containers.get(node).hostAddress(), true,
                ". Replicas dial their master from inside their containers: check that the routed REPLICATION "
                        + "addresses are reachable from there; see the logs:");
    }

    /**
     * What {@code replica}'s container dials to replicate from {@code master}, whose link the router
     * sent to {@code routed}: over the Docker network if the link is direct.
     *
     * @throws ClusterStartException if {@code routed} is a loopback address (containers cannot reach it)
     */
    private static InetSocketAddress replicaDials(String replica, String master, InetSocketAddress routed,
                                                  RedisContainer masterContainer) {
        if (routed.equals(masterContainer.hostAddress())) {
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
        return core.node(node).redis().hostAddress();
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
        return core.clientConfig(zookeeperConnectString());
    }

    /** The directory holding the nodes' logs and ZooKeeper's data (known once started). */
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

    @Override
    public void stopZooKeeper(String zk) {
        zooKeeper.stopZooKeeper(zk);
    }

    @Override
    public void startZooKeeper(String zk) {
        zooKeeper.startZooKeeper(zk);
    }

    /**
     * Kills the agents and removes the containers (reverse order), then the network, then stops
     * ZooKeeper. Every step runs even if an earlier one failed. Idempotent.
     */
    @Override
    public void close() {
        core.close(DockerNode::destroy, "remove node", this::removeNetwork, zooKeeper::close);
    }

    private void removeNetwork() {
        if (network != null) {
            try {
                network.close();
            } catch (RuntimeException e) {
                LOG.warn("could not remove network faultline-{}: {}", runId, e.toString());
            }
        }
    }
}
