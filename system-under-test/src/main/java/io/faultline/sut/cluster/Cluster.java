package io.faultline.sut.cluster;

import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.lease.LeaseStatus;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A running system under test: Redis nodes in replica groups, a lease agent per node, and
 * ZooKeeper. A runtime (local processes, containers, ...) implements it. Lifecycle: create,
 * {@link #start()} once, use, {@link #close()} (idempotent; stops everything it started, also
 * when start failed). Node control methods are thread-safe and may be called only between
 * start and close; node ids are "n1".."nN".
 */
public interface Cluster extends AutoCloseable, NodeLifecycle, Killable, Pausable, NodeLogs {

    ClusterSpec spec();

    /**
     * Starts everything and waits until every group has a master serving writes and every replica
     * is in sync.
     *
     * @throws ClusterStartException naming the cause and the remedy; nothing keeps running
     * @throws IllegalStateException if called twice
     */
    void start();

    /** "n1".."nN". */
    List<String> nodes();

    /** Group id to member node ids, in order. */
    Map<String, List<String>> groups();

    /** The group of {@code node}. */
    String groupOf(String node);

    /** Where the node's Redis listens (not routed). */
    InetSocketAddress redisAddress(String node);

    /** ZooKeeper connect string (direct, not routed) for the harness and clients. */
    String zookeeperConnectString();

    /** A reader of the layout and leases over the cluster's own ZooKeeper connection (closing it is a no-op). */
    LeaseStatus leaseStatus();

    /** A client configuration for this cluster (ZooKeeper, router, replication, virtual nodes) to refine. */
    ClientConfig.Builder clientConfig();

    @Override
    void close();
}
