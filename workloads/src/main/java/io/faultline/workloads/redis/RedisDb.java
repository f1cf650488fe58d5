package io.faultline.workloads.redis;

import io.faultline.core.db.Db;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.lease.Lease;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The Redis + ZooKeeper system under test as the harness sees it: a {@link Db} whose nodes can be
 * killed, paused and asked for their primaries (the lease holders, read from ZooKeeper).
 *
 * <p>Lifecycle: {@link #setup()} creates and starts the cluster once; {@link #close()} stops every
 * process it started, also after a failed setup. Node control is thread-safe.
 */
public final class RedisDb implements Db, Killable, Pausable, HasPrimaries, HasLogs {

    private final Supplier<? extends Cluster> factory;
    private final List<String> nodes;
    private Cluster cluster;

    private RedisDb(Supplier<? extends Cluster> factory, List<String> nodes) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.nodes = List.copyOf(nodes);
    }

    /**
     * @param factory creates the (not yet started) cluster, e.g. {@code () -> LocalCluster.create(spec, router)}
     * @param nodeCount the number of nodes the cluster will have (named n1..nN)
     */
    public static RedisDb of(Supplier<? extends Cluster> factory, int nodeCount) {
        if (nodeCount < 1) throw new IllegalArgumentException("nodeCount must be >= 1, was " + nodeCount);
        return new RedisDb(factory, java.util.stream.IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "n" + i).toList());
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    @Override
    public synchronized void setup() {
        if (cluster != null) throw new IllegalStateException("the cluster is already set up");
        cluster = factory.get();
        cluster.start();
    }

    /** The running cluster; for client configuration and status. */
    public synchronized Cluster cluster() {
        if (cluster == null) throw new IllegalStateException("the cluster is not set up");
        return cluster;
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
    public synchronized java.util.Map<String, List<java.nio.file.Path>> logFiles() {
        java.util.Map<String, List<java.nio.file.Path>> out = new java.util.TreeMap<>();
        if (cluster != null) nodes.forEach(n -> out.put(n, cluster.logFiles(n)));
        return out;
    }

    @Override
    public synchronized void close() {
        if (cluster != null) cluster.close();
    }
}
