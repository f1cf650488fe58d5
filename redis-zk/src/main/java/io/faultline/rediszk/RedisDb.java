package io.faultline.rediszk;

import io.faultline.core.db.Db;
import io.faultline.core.db.DbStartException;
import io.faultline.core.node.Attachable;
import io.faultline.core.node.HasConsole;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.HasStatus;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterStartException;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.link.LinkRouter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The Redis + ZooKeeper system under test as the harness sees it: a {@link Db} whose nodes can be
 * killed, paused and asked for their primaries (the lease holders, read from ZooKeeper), whose logs
 * are kept, and which answers {@code faultline cluster status|write|read} and lets
 * {@code faultline load} attach.
 *
 * <p>Lifecycle: {@link #setup()} creates and starts the cluster once; {@link #close()} stops every
 * process it started, also after a failed setup. Node control is thread-safe. On the netns runtime it
 * is a {@link NetnsRedisDb}, which also cuts packets itself.
 */
public sealed class RedisDb implements Db, ClientSource, Killable, Pausable, HasPrimaries, HasLogs, HasStatus, HasConsole,
        Attachable permits NetnsRedisDb, SshRedisDb {

    /** Creates the (not started) cluster whose links go through the router it is given. */
    @FunctionalInterface
    public interface ClusterFactory {
        Cluster create(LinkRouter router);
    }

    private final ClusterFactory factory;
    private final LinkRouter router;
    private final List<String> nodes;
    /** Every port that reaches a node's Redis (the link proxies' too), for the status's "follows". */
    private final Map<Integer, String> portToNode = new ConcurrentHashMap<>();
    private Cluster cluster;
    private RedisConsole console;

    RedisDb(ClusterFactory factory, LinkRouter router, List<String> nodes) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.nodes = List.copyOf(nodes);
        this.router = (from, to, kind, target) -> {
            InetSocketAddress routed = router.route(from, to, kind, target);
            if (this.nodes.contains(to)) portToNode.put(routed.getPort(), to);
            return routed;
        };
    }

    /**
     * @param factory   creates the (not yet started) cluster, e.g. {@code r -> LocalCluster.create(spec, r)}
     * @param router    the harness's router of the cluster's links
     * @param nodeCount the number of nodes the cluster will have (named n1..nN)
     */
    public static RedisDb of(ClusterFactory factory, LinkRouter router, int nodeCount) {
        if (nodeCount < 1) throw new IllegalArgumentException("nodeCount must be >= 1, was " + nodeCount);
        return new RedisDb(factory, router, IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "n" + i).toList());
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    /**
     * @throws DbStartException when the cluster cannot start (a missing binary, Docker, ports)
     */
    @Override
    public synchronized void setup() {
        if (cluster != null) throw new IllegalStateException("the cluster is already set up");
        cluster = factory.create(router);
        try {
            cluster.start();
        } catch (ClusterStartException e) {
            throw new DbStartException(e.getMessage(), e);
        }
        cluster.nodes().forEach(n -> portToNode.put(cluster.redisAddress(n).getPort(), n));
    }

    /** The running cluster. */
    public synchronized Cluster cluster() {
        if (cluster == null) throw new IllegalStateException("the cluster is not set up");
        return cluster;
    }

    @Override
    public ClientConfig.Builder clientConfig() {
        return cluster().clientConfig();
    }

    @Override
    public void kill(String node) {
        cluster().kill(node);
    }

    @Override
    public void start(String node) {
        cluster().startNode(node);
    }

    @Override
    public void pause(String node) {
        cluster().pause(node);
    }

    @Override
    public void resume(String node) {
        cluster().resume(node);
    }

    /** The nodes holding a group's lease now, read from ZooKeeper. */
    @Override
    public Set<String> primaries() throws Exception {
        Set<String> out = new TreeSet<>();
        for (Optional<Lease> lease : cluster().leaseStatus().leases().values()) {
            lease.ifPresent(l -> out.add(l.node()));
        }
        return out;
    }

    @Override
    public synchronized Map<String, List<Path>> logFiles() {
        Map<String, List<Path>> out = new TreeMap<>();
        if (cluster != null) nodes.forEach(n -> out.put(n, cluster.logFiles(n)));
        return out;
    }

    @Override
    public Status status(Function<String, String> stateOf) throws Exception {
        return RedisStatus.of(cluster(), Map.copyOf(portToNode), stateOf);
    }

    @Override
    public Reply write(String key, String value, String node, Function<String, String> stateOf) throws Exception {
        return console().write(key, value, node, stateOf);
    }

    @Override
    public Reply read(String key, String node, Function<String, String> stateOf) {
        return console().read(key, node, stateOf);
    }

    /** {@code zookeeper} (the direct connect string) and {@code virtual-nodes}. */
    @Override
    public Map<String, String> attachment() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(AttachedRedis.ZOOKEEPER, cluster().zookeeperConnectString());
        a.put(AttachedRedis.VIRTUAL_NODES, Integer.toString(cluster().spec().virtualNodes()));
        return a;
    }

    private synchronized RedisConsole console() {
        if (console == null) console = new RedisConsole(cluster());
        return console;
    }

    @Override
    public synchronized void close() {
        try {
            if (console != null) console.close();
        } finally {
            if (cluster != null) cluster.close();
        }
    }
}
