package io.faultline.zookeeper;

import io.faultline.hosts.netns.NetnsHosts;
import io.faultline.netnsdb.ServerLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One ZooKeeper server per node, each its own JVM ({@link ZkServerProcess}) on the class path of this
 * JVM: clients on {@code <address>:2181}, quorum and election on 2888 and 3888, {@code zoo.cfg}, data
 * and {@code myid} in the node's directory. {@code syncLimit} ticks without the leader make a follower
 * leave the quorum (and stop serving); {@link #ready} asks {@code srvr} for a mode.
 */
final class ZkLauncher implements ServerLauncher {
    static final int CLIENT_PORT = 2181;
    private static final int PROBE_MS = 500;

    private final Duration tick;
    private final int syncLimit;

    ZkLauncher(Duration tick, int syncLimit) {
        this.tick = tick;
        this.syncLimit = syncLimit;
    }

    @Override
    public String processName() {
        return "zookeeper";
    }

    @Override
    public List<String> command(String node, NetnsHosts hosts) throws IOException {
        Path dir = hosts.dir(node);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), Integer.toString(hosts.hosts().indexOf(node) + 1));
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, config(node, hosts, data));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-Dzookeeper.admin.enableServer=false",
                // the server's log is the point of its log file (the harness's own simplelogger.properties silences ZooKeeper)
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", classpath(), ZkServerProcess.class.getName(), cfg.toString());
    }

    /** This JVM's class path with absolute entries (the server runs in the node's directory). */
    static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The configuration of {@code node}'s server: peers listed for an ensemble of 2 or more. */
    String config(String node, NetnsHosts hosts, Path data) {
        StringBuilder sb = new StringBuilder()
                .append("tickTime=").append(tick.toMillis()).append('\n')
                .append("initLimit=20\n")
                .append("syncLimit=").append(syncLimit).append('\n')
                .append("dataDir=").append(data).append('\n')
                .append("clientPort=").append(CLIENT_PORT).append('\n')
                .append("clientPortAddress=").append(hosts.address(node)).append('\n')
                .append("admin.enableServer=false\n4lw.commands.whitelist=srvr\n");
        List<String> all = hosts.hosts();
        if (all.size() > 1) {
            for (int i = 0; i < all.size(); i++) {
                sb.append("server.").append(i + 1).append('=').append(hosts.address(all.get(i))).append(":2888:3888\n");
            }
        }
        return sb.toString();
    }

    @Override
    public boolean ready(String node, NetnsHosts hosts) {
        return mode(hosts.address(node)).isPresent();
    }

    /** The server's {@code Mode:} ({@code leader}, {@code follower}, {@code standalone}) by {@code srvr}, if it serves. */
    static java.util.Optional<String> mode(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, CLIENT_PORT), PROBE_MS);
            s.setSoTimeout(PROBE_MS);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.lines().filter(l -> l.startsWith("Mode: ")).map(l -> l.substring(6).strip()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
