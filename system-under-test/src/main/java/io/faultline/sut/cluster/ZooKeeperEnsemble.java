package io.faultline.sut.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * An embedded ZooKeeper ensemble (curator-test's {@link TestingCluster}: real quorum peers in this
 * JVM) with servers "zk1".."zkK" on free ports of 127.0.0.1. The tick time is a tenth of the
 * session timeout, so sessions of that length are allowed (ZooKeeper accepts 2..20 ticks) and
 * expire within a tick of it. Thread-safe for stop/start of single servers.
 */
public final class ZooKeeperEnsemble implements AutoCloseable {
    private final TestingCluster cluster;
    private final Map<String, InstanceSpec> servers = new LinkedHashMap<>();

    private ZooKeeperEnsemble(TestingCluster cluster, List<InstanceSpec> specs) {
        this.cluster = cluster;
        for (int i = 0; i < specs.size(); i++) {
            servers.put("zk" + (i + 1), specs.get(i));
        }
    }

    public static ZooKeeperEnsemble start(int size, Path dataDir, Duration sessionTimeout) throws Exception {
        int tick = (int) Math.max(50, sessionTimeout.toMillis() / 10);
        List<InstanceSpec> specs = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            java.nio.file.Files.createDirectories(dataDir.resolve("zk" + i));
            specs.add(new InstanceSpec(dataDir.resolve("zk" + i).toFile(), -1, -1, -1, true, i, tick, 200));
        }
        TestingCluster cluster = new TestingCluster(specs);
        try {
            cluster.start();
        } catch (Exception e) {
            closeQuietly(cluster);
            throw e;
        }
        return new ZooKeeperEnsemble(cluster, specs);
    }

    public Map<String, InetSocketAddress> addresses() {
        Map<String, InetSocketAddress> a = new LinkedHashMap<>();
        servers.forEach((id, spec) -> a.put(id, new InetSocketAddress("127.0.0.1", spec.getPort())));
        return a;
    }

    public String connectString() {
        StringBuilder sb = new StringBuilder();
        addresses().values().forEach(a -> sb.append(sb.length() == 0 ? "" : ",").append("127.0.0.1:").append(a.getPort()));
        return sb.toString();
    }

    public void stop(String zk) throws Exception {
        cluster.killServer(spec(zk));
    }

    public void restart(String zk) throws Exception {
        cluster.restartServer(spec(zk));
    }

    private InstanceSpec spec(String zk) {
        InstanceSpec spec = servers.get(zk);
        if (spec == null) {
            throw new IllegalArgumentException("no ZooKeeper server '" + zk + "', have " + servers.keySet());
        }
        return spec;
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void closeQuietly(TestingCluster cluster) {
        try {
            cluster.close();
        } catch (IOException | RuntimeException ignored) {
            // best effort: the servers are in this JVM and die with it anyway
        }
    }
}
