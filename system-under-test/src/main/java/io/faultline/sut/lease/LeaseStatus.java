package io.faultline.sut.lease;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads (and, for the cluster, writes) the group layout and who holds each group's lease.
 * Anyone with ZooKeeper access can use it. Thread-safe; {@link #close()} closes the ZooKeeper
 * client only if this reader opened it.
 */
public final class LeaseStatus implements AutoCloseable {
    private final CuratorFramework curator;
    private final boolean owned;

    private LeaseStatus(CuratorFramework curator, boolean owned) {
        this.curator = curator;
        this.owned = owned;
    }

    /** A reader over an already started client (not closed by {@link #close()}). */
    public static LeaseStatus using(CuratorFramework curator) {
        return new LeaseStatus(curator, false);
    }

    /**
     * Connects to {@code connectString}.
     *
     * @throws IllegalStateException if not connected within {@code timeout}
     */
    public static LeaseStatus connect(String connectString, Duration timeout) {
        CuratorFramework c = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(10_000).connectionTimeoutMs((int) timeout.toMillis())
                .retryPolicy(new RetryNTimes(3, 100)).ensembleTracker(false).build();
        c.start();
        try {
            if (!c.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("ZooKeeper at " + connectString + " not reachable within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new IllegalStateException("interrupted while connecting to ZooKeeper at " + connectString, e);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return new LeaseStatus(c, true);
    }

    /** The lease of {@code group}, empty if nobody holds it. */
    public Optional<Lease> lease(String group) throws Exception {
        Stat stat = new Stat();
        try {
            byte[] data = curator.getData().storingStatIn(stat).forPath(LeasePaths.leader(group));
            return Optional.of(Lease.decode(group, data, stat.getCzxid(), stat.getEphemeralOwner()));
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        }
    }

    /** Every group's lease holder (groups without one map to empty), in group order. */
    public Map<String, Optional<Lease>> leases() throws Exception {
        Map<String, Optional<Lease>> all = new LinkedHashMap<>();
        for (String g : layout().keySet()) {
            all.put(g, lease(g));
        }
        return all;
    }

    /** Group id to member node ids, as the cluster wrote them; sorted by group id (g1, g2, ..., g10). */
    public Map<String, List<String>> layout() throws Exception {
        List<String> groups;
        try {
            groups = curator.getChildren().forPath(LeasePaths.ROOT);
        } catch (KeeperException.NoNodeException e) {
            return Map.of();
        }
        Map<String, List<String>> layout = new LinkedHashMap<>();
        groups.stream().sorted((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b))
                .forEach(g -> layout.put(g, List.of()));
        for (String g : layout.keySet()) {
            String members = new String(curator.getData().forPath(LeasePaths.group(g)), StandardCharsets.UTF_8).trim();
            layout.put(g, members.isEmpty() ? List.of() : Arrays.asList(members.split(",")));
        }
        return layout;
    }

    /** Writes the layout (overwriting member lists, keeping leader znodes). */
    public void writeLayout(Map<String, List<String>> layout) throws Exception {
        for (Map.Entry<String, List<String>> e : layout.entrySet()) {
            byte[] data = String.join(",", e.getValue()).getBytes(StandardCharsets.UTF_8);
            String path = LeasePaths.group(e.getKey());
            if (curator.checkExists().forPath(path) == null) {
                curator.create().creatingParentsIfNeeded().withMode(CreateMode.PERSISTENT).forPath(path, data);
            } else {
                curator.setData().forPath(path, data);
            }
        }
    }

    @Override
    public void close() {
        if (owned) {
            curator.close();
        }
    }
}
