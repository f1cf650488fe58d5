package io.faultline.sut.cluster;

import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.client.Replication;
import io.faultline.sut.lease.OnLeaseLoss;
import io.faultline.sut.ring.HashRing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What cluster to run. Immutable; build with {@link #builder()} (defaults in {@link Builder}).
 *
 * @param nodes            Redis nodes, "n1".."nN" (>= 1)
 * @param groups           replica groups, "g1".."gS" (1..nodes); nodes are split into contiguous blocks
 * @param zookeepers       embedded ZooKeeper servers, "zk1".."zkK" (>= 1); ignored with {@code zookeeperConnect}
 * @param sessionTimeout   the lease: each agent's ZooKeeper session timeout
 * @param replication      what clients made from this cluster use
 * @param onLeaseLoss      what a master's agent does when its session is suspended or lost
 * @param persistence      Redis append-only file on (fsync every second) or no persistence
 * @param redisBinary      an explicit redis-server, or null to search PATH, then the embedded-redis jar
 * @param basePort         first Redis port (node i gets basePort + i - 1), or 0 for free ports
 * @param workDir          where node directories go, or null for a fresh temporary directory
 * @param virtualNodes     ring points per group for clients made from this cluster
 * @param zookeeperConnect an external ZooKeeper to use instead of the embedded ensemble, or null
 * @param startTimeout     how long start() waits for every group to have a serving master
 * @param pidDir           where started pids are recorded (and leftovers swept)
 */
public record ClusterSpec(int nodes, int groups, int zookeepers, Duration sessionTimeout, Replication replication,
                          OnLeaseLoss onLeaseLoss, boolean persistence, Path redisBinary, int basePort, Path workDir,
                          int virtualNodes, String zookeeperConnect, Duration startTimeout, Path pidDir) {

    public ClusterSpec {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1, was " + nodes);
        }
        if (groups < 1 || groups > nodes) {
            throw new IllegalArgumentException("groups must be in 1..nodes (" + nodes + "), was " + groups);
        }
        if (zookeepers < 1) {
            throw new IllegalArgumentException("zookeepers must be >= 1, was " + zookeepers);
        }
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (sessionTimeout.toMillis() < 400) {
            throw new IllegalArgumentException("sessionTimeout must be >= 400ms, was " + sessionTimeout);
        }
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(onLeaseLoss, "onLeaseLoss");
        if (basePort != 0 && (basePort < 1024 || basePort + nodes - 1 > 65535)) {
            throw new IllegalArgumentException("basePort must be 0 (free ports) or in 1024.." + (65535 - nodes + 1)
                    + ", was " + basePort);
        }
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes must be >= 1, was " + virtualNodes);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(pidDir, "pidDir");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default spec: 5 nodes, 1 group, 3 ZooKeepers, 3 s sessions, async, demote. */
    public static ClusterSpec defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder().nodes(nodes).groups(groups).zookeepers(zookeepers).sessionTimeout(sessionTimeout)
                .replication(replication).onLeaseLoss(onLeaseLoss).persistence(persistence).redisBinary(redisBinary)
                .basePort(basePort).workDir(workDir).virtualNodes(virtualNodes).zookeeperConnect(zookeeperConnect)
                .startTimeout(startTimeout).pidDir(pidDir);
    }

    /** Node ids of group {@code g} (1-based): contiguous blocks, the first groups one larger when uneven. */
    public java.util.List<String> membersOf(int g) {
        int base = nodes / groups;
        int extra = nodes % groups;
        int first = (g - 1) * base + Math.min(g - 1, extra) + 1;
        int size = base + (g <= extra ? 1 : 0);
        java.util.List<String> members = new java.util.ArrayList<>();
        for (int i = first; i < first + size; i++) {
            members.add("n" + i);
        }
        return members;
    }

    /**
     * Defaults: nodes 5, groups 1, zookeepers 3, sessionTimeout 3 s, replication async,
     * onLeaseLoss demote, persistence off, redisBinary from system property
     * {@code faultline.redisBinary} if set (else search), basePort 0 (free ports), workDir
     * temporary, virtualNodes 128, embedded ZooKeeper, startTimeout 60 s, pidDir
     * ~/.cache/faultline/pids.
     */
    public static final class Builder {
        private int nodes = 5;
        private int groups = 1;
        private int zookeepers = 3;
        private Duration sessionTimeout = Duration.ofSeconds(3);
        private Replication replication = Replication.ASYNC;
        private OnLeaseLoss onLeaseLoss = OnLeaseLoss.DEMOTE;
        private boolean persistence;
        private Path redisBinary = System.getProperty("faultline.redisBinary") == null ? null
                : Path.of(System.getProperty("faultline.redisBinary"));
        private int basePort;
        private Path workDir;
        private int virtualNodes = HashRing.DEFAULT_VIRTUAL_NODES;
        private String zookeeperConnect;
        private Duration startTimeout = Duration.ofSeconds(60);
        private Path pidDir = PidDirectory.defaultLocation();

        public Builder nodes(int v) { nodes = v; return this; }
        public Builder groups(int v) { groups = v; return this; }
        public Builder zookeepers(int v) { zookeepers = v; return this; }
        public Builder sessionTimeout(Duration v) { sessionTimeout = v; return this; }
        public Builder replication(Replication v) { replication = v; return this; }
        public Builder onLeaseLoss(OnLeaseLoss v) { onLeaseLoss = v; return this; }
        public Builder persistence(boolean v) { persistence = v; return this; }
        public Builder redisBinary(Path v) { redisBinary = v; return this; }
        public Builder basePort(int v) { basePort = v; return this; }
        public Builder workDir(Path v) { workDir = v; return this; }
        public Builder virtualNodes(int v) { virtualNodes = v; return this; }
        public Builder zookeeperConnect(String v) { zookeeperConnect = v; return this; }
        public Builder startTimeout(Duration v) { startTimeout = v; return this; }
        public Builder pidDir(Path v) { pidDir = v; return this; }

        public ClusterSpec build() {
            return new ClusterSpec(nodes, groups, zookeepers, sessionTimeout, replication, onLeaseLoss, persistence,
                    redisBinary, basePort, workDir, virtualNodes, zookeeperConnect, startTimeout, pidDir);
        }
    }
}
