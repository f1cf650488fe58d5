package io.faultline.sut.cluster;

import io.faultline.sut.lease.LeaseStatus;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ZooKeeper side of a cluster, shared by the runtimes: the embedded {@link ZooKeeperEnsemble}
 * (or an external ensemble named by {@link ClusterSpec#zookeeperConnect()}), the cluster's own
 * admin {@link LeaseStatus} connection, and {@link ZooKeeperControl} of the embedded servers.
 * Lifecycle: {@link #start}, {@link #connectAdmin}, use, {@link #close()}; the accessors and the
 * control methods first run the owner's started check. Start and close are called by the owning
 * cluster under its lifecycle; the accessors may be called from any thread once started.
 */
public final class ZooKeeperSide implements ZooKeeperControl, AutoCloseable {
    private static final Duration ADMIN_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterSpec spec;
    private final Runnable requireStarted;
    private volatile ZooKeeperEnsemble ensemble;
    private volatile String connect;
    private volatile LeaseStatus admin;

    /**
     * @param spec           the cluster's spec: ensemble size, session timeout, start timeout, external ensemble
     * @param requireStarted the owner's check, throwing {@link IllegalStateException} unless it is started and not closed
     */
    public ZooKeeperSide(ClusterSpec spec, Runnable requireStarted) {
        this.spec = spec;
        this.requireStarted = requireStarted;
    }

    /**
     * Starts the embedded ensemble (data in {@code workDir/zookeeper}) or, if the spec names an
     * external one, checks that it answers within the start timeout (at most 5 s).
     *
     * @return server id ("zk1".."zkK") to its real address, in order: what the agents' links lead to
     * @throws ClusterStartException if the external ensemble is unreachable, naming what to do
     */
    public Map<String, InetSocketAddress> start(Path workDir) throws Exception {
        if (spec.zookeeperConnect() != null) {
            return checkExternal(spec.zookeeperConnect());
        }
        ensemble = ZooKeeperEnsemble.start(spec.zookeepers(), workDir.resolve("zookeeper"), spec.sessionTimeout());
        connect = ensemble.connectString();
        return ensemble.addresses();
    }

    private Map<String, InetSocketAddress> checkExternal(String connectString) {
        connect = connectString;
        Map<String, InetSocketAddress> zks = new LinkedHashMap<>();
        String[] hosts = connectString.split(",");
        for (int i = 0; i < hosts.length; i++) {
            String h = hosts[i].trim();
            int colon = h.lastIndexOf(':');
            zks.put("zk" + (i + 1), colon < 0 ? new InetSocketAddress(h, 2181)
                    : new InetSocketAddress(h.substring(0, colon), Integer.parseInt(h.substring(colon + 1))));
        }
        Duration wait = spec.startTimeout().compareTo(Duration.ofSeconds(5)) < 0 ? spec.startTimeout() : Duration.ofSeconds(5);
        try (LeaseStatus probe = LeaseStatus.connect(connectString, wait)) {
            return zks;
        } catch (IllegalStateException e) {
            throw new ClusterStartException("ZooKeeper at " + connectString + " is unreachable (" + e.getMessage()
                    + "): start it, fix zookeeperConnect, or leave zookeeperConnect unset to run an embedded ensemble", e);
        }
    }

    /** After {@link #start}: opens the admin connection (5 s to connect) and writes the group layout. */
    public void connectAdmin(Map<String, List<String>> groups) throws Exception {
        admin = LeaseStatus.connect(connect, ADMIN_CONNECT_TIMEOUT);
        admin.writeLayout(groups);
    }

    /** The connect string (direct, not routed). */
    public String connectString() {
        requireStarted.run();
        return connect;
    }

    /** The embedded servers' ids and real addresses; empty for an external ensemble. */
    public Map<String, InetSocketAddress> addresses() {
        requireStarted.run();
        return ensemble != null ? ensemble.addresses() : Map.of();
    }

    /** The cluster's own admin connection (see {@link Cluster#leaseStatus()}). */
    public LeaseStatus admin() {
        requireStarted.run();
        return admin;
    }

    /** @throws IllegalStateException if it fails, or if the ensemble is external */
    @Override
    public void stopZooKeeper(String zk) {
        try {
            requireEnsemble().stop(zk);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop ZooKeeper server " + zk + ": " + e, e);
        }
    }

    /** @throws IllegalStateException if it fails, or if the ensemble is external */
    @Override
    public void startZooKeeper(String zk) {
        try {
            requireEnsemble().restart(zk);
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart ZooKeeper server " + zk + ": " + e, e);
        }
    }

    private ZooKeeperEnsemble requireEnsemble() {
        requireStarted.run();
        ZooKeeperEnsemble e = ensemble;
        if (e == null) {
            throw new IllegalStateException("ZooKeeper is external (" + connect + "): not controlled by this cluster");
        }
        return e;
    }

    /** Closes the admin connection, then stops the embedded ensemble; each only if it was opened. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        if (ensemble != null) {
            ensemble.close();
        }
    }
}
