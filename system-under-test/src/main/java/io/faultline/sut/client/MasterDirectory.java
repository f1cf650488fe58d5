package io.faultline.sut.client;

import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.LeasePaths;
import io.faultline.sut.lease.LeaseStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.Watcher;

/**
 * Each group's current master, as ZooKeeper says: cached, dropped when the leader znode's watch
 * fires or the caller reports an error, and entirely dropped (and not refilled) while the
 * ZooKeeper connection is suspended or lost, so a stale master is never trusted after a
 * disconnection. Thread-safe.
 */
final class MasterDirectory {
    private final LeaseStatus status;
    private final Map<String, Lease> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile ConnectionState state = ConnectionState.CONNECTED;
    private final CuratorWatcher watcher;
    private final CuratorFramework curator;

    MasterDirectory(CuratorFramework curator) {
        this.curator = curator;
        this.status = LeaseStatus.using(curator);
        this.watcher = event -> {
            if (event.getType() != Watcher.Event.EventType.None && event.getPath() != null
                    && event.getPath().endsWith("/leader")) {
                String path = event.getPath();
                String group = path.substring(LeasePaths.ROOT.length() + 1, path.length() - "/leader".length());
                invalidate(group);
            }
        };
        curator.getConnectionStateListenable().addListener((c, s) -> onConnectionState(s));
    }

    private void onConnectionState(ConnectionState s) {
        synchronized (lock) {
            state = s;
            if (!s.isConnected()) {
                versions.replaceAll((g, v) -> v + 1);
                cache.clear();
            }
        }
    }

    /**
     * The master of {@code group}, or null if no node holds its lease.
     *
     * @throws IllegalStateException if ZooKeeper is not connected or cannot be read
     */
    Lease masterOf(String group) {
        Lease cached = cache.get(group);
        if (cached != null) {
            return cached;
        }
        long version;
        synchronized (lock) {
            if (!state.isConnected()) {
                throw new IllegalStateException("ZooKeeper connection " + state);
            }
            version = versions.getOrDefault(group, 0L);
        }
        Optional<Lease> lease;
        try {
            curator.checkExists().usingWatcher(watcher).forPath(LeasePaths.leader(group));
            lease = status.lease(group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lease of " + group + " from ZooKeeper: " + e, e);
        }
        if (lease.isEmpty()) {
            return null;
        }
        synchronized (lock) {
            if (state.isConnected() && versions.getOrDefault(group, 0L) == version) {
                cache.put(group, lease.get());
            }
        }
        return lease.get();
    }

    /** Forget the cached master of {@code group} (after an error talking to it, or a watch). */
    void invalidate(String group) {
        synchronized (lock) {
            versions.merge(group, 1L, Long::sum);
            cache.remove(group);
        }
    }
}
