package io.faultline.sut.ssh;

import io.faultline.hosts.ssh.RemoteProcess;
import io.faultline.hosts.ssh.SshConfig;
import io.faultline.hosts.ssh.SshHosts;
import io.faultline.sut.cluster.ZooKeeperPeers;
import io.faultline.sut.netns.ZooKeeperProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ZooKeeper servers {@code zk1..zkK} of an ssh run, each on its own host: its {@code zoo.cfg} and
 * {@code myid} written in the host's remote directory, the server ({@link ZooKeeperProcess}) run by the
 * host's java from the uploaded class path, its log in the local {@code <zk>/zookeeper.log}.
 * Thread-safe (synchronized).
 */
final class SshZooKeepers {
    private final SshHosts hosts;
    private final Uploads uploads;
    private final List<String> ids;
    private final Duration sessionTimeout;
    private final Map<String, RemoteProcess> running = new LinkedHashMap<>();

    SshZooKeepers(SshHosts hosts, Uploads uploads, List<String> ids, Duration sessionTimeout) {
        this.hosts = hosts;
        this.uploads = uploads;
        this.ids = List.copyOf(ids);
        this.sessionTimeout = sessionTimeout;
    }

    /** Server id to its client address. */
    Map<String, InetSocketAddress> addresses() {
        Map<String, InetSocketAddress> a = new LinkedHashMap<>();
        ids.forEach(id -> a.put(id, new InetSocketAddress(hosts.address(id), ZooKeeperPeers.CLIENT_PORT)));
        return a;
    }

    /** {@code a:2181,b:2181,...}. */
    String connectString() {
        return ids.stream().map(id -> hosts.address(id) + ":" + ZooKeeperPeers.CLIENT_PORT).collect(Collectors.joining(","));
    }

    /** Starts every server that does not run. */
    synchronized void startAll() throws IOException {
        for (String id : ids) start(id);
    }

    /** Writes server {@code id}'s configuration and starts it, unless it runs. */
    synchronized void start(String id) throws IOException {
        require(id);
        RemoteProcess p = running.get(id);
        if (p != null && p.isAlive()) return;
        String dir = hosts.remoteDir(id);
        String cfg = dir + "/zoo.cfg";
        String data = dir + "/zkdata";
        hosts.host(id).check("mkdir -p " + SshConfig.quote(data) + " && echo " + (ids.indexOf(id) + 1) + " > "
                + SshConfig.quote(data + "/myid") + " && cat > " + SshConfig.quote(cfg),
                ZooKeeperPeers.config(ids, hosts::address, id, data, sessionTimeout));
        running.put(id, hosts.start(id, "zookeeper", ZooKeeperProcess.command("java", uploads.classpath(dir), cfg)));
    }

    /** Kills server {@code id}; a no-op when it does not run. */
    synchronized void kill(String id) {
        require(id);
        RemoteProcess p = running.get(id);
        if (p != null) p.kill();
    }

    /** Waits until every server answers {@code srvr} as serving; false if not within {@code timeout}. */
    boolean awaitServing(Duration timeout) {
        return ZooKeeperPeers.awaitServing(ids, id -> ZooKeeperPeers.serving(hosts.address(id)), timeout);
    }

    /** Each server's local log. */
    List<Path> logFiles() {
        return ids.stream().map(id -> hosts.log(id, "zookeeper")).toList();
    }

    private void require(String id) {
        if (!ids.contains(id)) throw new IllegalArgumentException("no ZooKeeper server '" + id + "', have " + ids);
    }
}
