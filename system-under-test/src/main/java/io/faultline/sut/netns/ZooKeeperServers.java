package io.faultline.sut.netns;

import io.faultline.hosts.netns.NetnsNetwork;
import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.cluster.ZooKeeperPeers;
import io.faultline.sut.lease.AgentLauncher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ZooKeeper servers {@code zk1..zkK} of a netns run, each its own JVM ({@link ZooKeeperProcess})
 * in its own namespace, listening on its own address: clients on 2181, quorum on 2888/3888. Data
 * and {@code zk.log} in {@code workDir/zkI}. The tick is a tenth of the session timeout, as in the
 * embedded ensemble. Thread-safe (synchronized).
 */
final class ZooKeeperServers implements AutoCloseable {
    static final int CLIENT_PORT = ZooKeeperPeers.CLIENT_PORT;

    private final NetnsNetwork network;
    private final List<String> ids;
    private final Path workDir;
    private final Duration sessionTimeout;
    private final PidDirectory pids;
    private final Map<String, ManagedProcess> running = new LinkedHashMap<>();

    ZooKeeperServers(NetnsNetwork network, List<String> ids, Path workDir, Duration sessionTimeout, PidDirectory pids) {
        this.network = network;
        this.ids = List.copyOf(ids);
        this.workDir = workDir;
        this.sessionTimeout = sessionTimeout;
        this.pids = pids;
    }

    /** Server id to its client address. */
    Map<String, InetSocketAddress> addresses() {
        Map<String, InetSocketAddress> a = new LinkedHashMap<>();
        ids.forEach(id -> a.put(id, new InetSocketAddress(network.address(id), CLIENT_PORT)));
        return a;
    }

    /** {@code a:2181,b:2181,...}. */
    String connectString() {
        return ids.stream().map(id -> network.address(id) + ":" + CLIENT_PORT).collect(Collectors.joining(","));
    }

    /** The configuration file of server {@code id}. */
    String config(String id) {
        return ZooKeeperPeers.config(ids, network::address, id, workDir.resolve(id).resolve("data").toString(), sessionTimeout);
    }

    /** Starts every server that does not run. */
    synchronized void startAll() throws IOException {
        for (String id : ids) start(id);
    }

    /** Starts server {@code id} unless it runs. */
    synchronized void start(String id) throws IOException {
        require(id);
        ManagedProcess p = running.get(id);
        if (p != null && p.isAlive()) return;
        Path dir = workDir.resolve(id);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), Integer.toString(ids.indexOf(id) + 1));
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, config(id));
        List<String> cmd = new ArrayList<>(network.launcher(id));
        cmd.addAll(ZooKeeperProcess.command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                AgentLauncher.classpath(), cfg.toString()));
        running.put(id, ManagedProcess.start(id + "-zookeeper", cmd, dir, dir.resolve("zk.log"), pids,
                ZooKeeperProcess.class.getName() + " " + cfg));
    }

    /** Kills server {@code id} (SIGKILL); a no-op when it does not run. */
    synchronized void kill(String id) {
        require(id);
        ManagedProcess p = running.get(id);
        if (p != null) p.kill();
    }

    /**
     * Waits until every server answers {@code srvr} as serving (leader, follower or standalone).
     *
     * @return false if not within {@code timeout}
     */
    boolean awaitServing(Duration timeout) {
        return ZooKeeperPeers.awaitServing(ids, id -> ZooKeeperPeers.serving(network.address(id)), timeout);
    }

    /** Each server's log. */
    List<Path> logFiles() {
        return ids.stream().map(id -> workDir.resolve(id).resolve("zk.log")).toList();
    }

    private void require(String id) {
        if (!ids.contains(id)) throw new IllegalArgumentException("no ZooKeeper server '" + id + "', have " + ids);
    }

    /** Kills every server (SIGKILL: their data is the run's own and goes with it). */
    @Override
    public synchronized void close() {
        for (ManagedProcess p : running.values()) {
            p.kill();
        }
        running.clear();
    }
}
