package io.faultline.sut.ssh;

import io.faultline.hosts.packet.PacketFaults;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.hosts.ssh.SshException;
import io.faultline.hosts.ssh.SshHosts;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.cluster.AgentFleet;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterCore;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.cluster.ZooKeeperControl;
import io.faultline.sut.lease.AgentLauncher;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.netns.NetnsCluster;
import io.faultline.sut.redis.RedisBinary;
import io.faultline.sut.redis.RedisBinaryException;
import io.faultline.sut.redis.RedisBinaryLocator;
import io.faultline.sut.redis.RedisServer;
import io.faultline.sut.redis.RedisStartException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ssh} runtime, Jepsen's control-node model: every node (redis-server and lease agent) and
 * every ZooKeeper server runs on a host of its own reached over SSH ({@link SshHosts}); this JVM is
 * the control node and reaches the nodes (port 6379) and ZooKeeper servers (2181) at the hosts'
 * addresses directly. Start connects to every host, sweeps what a dead harness left there, uploads
 * what the hosts need ({@link Uploads}: the class path, redis-server), then starts ZooKeeper, the
 * nodes and their agents. Faults: {@link #packets()} (iptables over ssh) and signals by pid file.
 * {@link #close()} kills every remote process, removes the iptables chains and the remote directories;
 * a JVM shutdown hook does the same on Ctrl-C. Thread-safe; see {@link Cluster} for the lifecycle.
 */
public final class SshCluster implements Cluster, ZooKeeperControl {
    private static final Logger LOG = LoggerFactory.getLogger(SshCluster.class);
    private static final Duration ADMIN_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterCore<SshNode> core;
    private final SshTarget target;
    private volatile Path workDir;
    private volatile SshHosts hosts;
    private volatile SshZooKeepers zooKeepers;
    private volatile LeaseStatus admin;

    private SshCluster(ClusterSpec spec, SshTarget target) {
        this.core = new ClusterCore<>("ssh cluster", spec, LinkRouter.direct(), LOG, this::close);
        this.target = target;
    }

    /**
     * A cluster on {@code target}'s hosts (not started): {@code n1..nN} on the first N addresses, then
     * {@code zk1..zkK}.
     *
     * @throws IllegalArgumentException if the target has not one address per host, or the spec names an external ZooKeeper
     */
    public static SshCluster create(ClusterSpec spec, SshTarget target) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(target, "target");
        if (spec.zookeeperConnect() != null) {
            throw new IllegalArgumentException("the ssh runtime runs its own ZooKeeper servers; zookeeperConnect must be unset");
        }
        int needed = spec.nodes() + spec.zookeepers();
        if (target.addresses().size() != needed) {
            throw new IllegalArgumentException("--runtime ssh needs one host per node and ZooKeeper server: " + needed
                    + " (n1..n" + spec.nodes() + ", then zk1..zk" + spec.zookeepers() + "), got " + target.addresses().size()
                    + " in --hosts/--hosts-file");
        }
        return new SshCluster(spec, target);
    }

    @Override
    public void start() {
        core.start(this::doStart);
    }

    private void doStart() throws Exception {
        ClusterSpec spec = core.spec();
        List<String> names = NetnsCluster.hosts(spec);
        Map<String, String> addresses = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) addresses.put(names.get(i), target.addresses().get(i));
        RedisBinary local;
        try {
            local = RedisBinaryLocator.standard().locate(spec.redisBinary());
        } catch (RedisBinaryException e) {
            throw new ClusterStartException(e.getMessage(), e);
        }
        workDir = core.workDir(spec.workDir(), "faultline-ssh-");
        PidDirectory pids = PidDirectory.at(spec.pidDir());
        List<String> swept = pids.sweep();
        if (!swept.isEmpty()) LOG.warn("removed what a dead harness left behind: {}", swept);
        try {
            hosts = SshHosts.create(addresses, target.user(), target.key(), target.port(), workDir);
            Uploads uploads = Uploads.prepare();
            uploads.put(hosts, core.nodes(), local.path());
            zooKeepers = new SshZooKeepers(hosts, uploads, names.subList(spec.nodes(), names.size()), spec.sessionTimeout());
            zooKeepers.startAll();
            if (!zooKeepers.awaitServing(spec.startTimeout())) {
                throw new ClusterStartException("ZooKeeper servers on the ssh hosts not serving after " + spec.startTimeout()
                        + "; see " + zooKeepers.logFiles());
            }
            admin = LeaseStatus.connect(zooKeepers.connectString(), ADMIN_CONNECT_TIMEOUT);
            admin.writeLayout(core.groups());
            LOG.info("starting {} nodes on ssh hosts {} (run {}), logs in {}", spec.nodes(), addresses, hosts.run(), workDir);
            Map<String, RedisServer> servers = new LinkedHashMap<>();
            for (String node : nodes()) {
                String dir = hosts.remoteDir(node);
                servers.put(node, new RedisServer(new RedisBinary(Path.of(Uploads.redisBinary(dir)), local.version(), "uploaded"),
                        hosts.address(node), NetnsCluster.REDIS_PORT, Path.of(Uploads.redisDir(dir)), Path.of(""),
                        spec.persistence(), List.of()));
            }
            AgentFleet agents = core.agentFleet(zooKeepers.addresses(), node -> servers.get(node).address(), workDir, pids);
            core.addNodes((node, group) -> new SshNode(node, hosts, servers.get(node), agents.agent(node, group,
                    (replica, master, routed) -> routed, (config, dir, log) -> hosts.start(node, "agent",
                            AgentLauncher.command(config, "java", uploads.classpath(hosts.remoteDir(node)))))));
            for (SshNode node : core.all()) {
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
        } catch (SshException e) {
            throw new ClusterStartException(e.getMessage(), e);
        }
    }

    /** The run's packet faults: iptables chains on every host, over ssh. */
    public PacketFaults packets() {
        core.requireStarted();
        return hosts.packets();
    }

    /** The run's hosts (known once started). */
    public SshHosts hosts() {
        core.requireStarted();
        return hosts;
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

    /** The local directory of the logs (known once started). */
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
        core.requireStarted();
        zooKeepers.kill(zk);
    }

    @Override
    public void startZooKeeper(String zk) {
        core.requireStarted();
        try {
            zooKeepers.start(zk);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start ZooKeeper server " + zk + ": " + e.getMessage(), e);
        }
    }

    /** Kills agents and Redis servers in reverse order, closes the admin session, then closes the hosts (ZooKeeper, chains, remote directories). Idempotent. */
    @Override
    public void close() {
        core.close(SshNode::kill, "kill", () -> {
            if (admin != null) admin.close();
        }, () -> {
            if (hosts != null) hosts.close();
        });
    }
}
