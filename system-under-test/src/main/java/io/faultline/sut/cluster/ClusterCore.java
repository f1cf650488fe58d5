package io.faultline.sut.cluster;

import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.link.LinkRouter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What every runtime's {@link Cluster} does the same way, held by the runtime and delegated to:
 * the start-once/close-once lifecycle with its JVM shutdown hook, the group layout of the
 * {@link ClusterSpec}, the registry of nodes with "unknown node" validation, node control, agent
 * launching ({@link AgentFleet}), readiness waiting, and the reverse-order close. The runtime keeps
 * what is its own: how a node's Redis is made and started, and what else it must clean up.
 *
 * <p>Thread-safety: {@link #start} and the closed flag are guarded by this object; nodes are
 * registered only during start, and node control (after start) is thread-safe as the nodes are.
 * Runtime support, not an API for harness code (which uses {@link Cluster}).
 *
 * @param <N> the runtime's node type
 */
public final class ClusterCore<N extends ClusterNode> {
    /** A runtime's start: everything after the lifecycle checks. */
    @FunctionalInterface
    public interface Startup {
        void run() throws Exception;
    }

    private final String name;
    private final ClusterSpec spec;
    private final LinkRouter router;
    private final Logger log;
    private final Runnable close;
    private final Thread shutdownHook;
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, N> nodes = new LinkedHashMap<>();
    private boolean started;
    private volatile boolean closed;
    /** The temporary work directory it made (deleted at close), or null. */
    private volatile Path ownedWorkDir;

    /**
     * @param name   "cluster" or e.g. "docker cluster": starts the start and readiness failure
     *               messages and, hyphenated, names the shutdown hook ({@code faultline-<name>-shutdown})
     * @param spec   the layout: groups "g1".."gG" of {@link ClusterSpec#membersOf}
     * @param router the links' router, for {@link #agentFleet} and {@link #clientConfig}
     * @param log    the runtime's logger, for close-time warnings
     * @param close  the runtime's {@code close()}: run by the shutdown hook and after a failed start
     */
    public ClusterCore(String name, ClusterSpec spec, LinkRouter router, Logger log, Runnable close) {
        this.name = name;
        this.spec = spec;
        this.router = router;
        this.log = log;
        this.close = close;
        this.shutdownHook = new Thread(close, "faultline-" + name.replace(' ', '-') + "-shutdown");
        for (int g = 1; g <= spec.groups(); g++) {
            groups.put("g" + g, List.copyOf(spec.membersOf(g)));
        }
    }

    /** The spec the cluster was created with. */
    public ClusterSpec spec() {
        return spec;
    }

    /**
     * Starts once: registers the shutdown hook, then runs {@code startup}; if that fails, closes
     * the runtime and rethrows a {@link ClusterStartException} as is, anything else wrapped in one.
     *
     * @throws IllegalStateException if started before or already closed
     */
    public synchronized void start(Startup startup) {
        if (started) {
            throw new IllegalStateException("a cluster starts once; this one already did");
        }
        if (closed) {
            throw new IllegalStateException("this cluster is closed");
        }
        started = true;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startup.run();
        } catch (ClusterStartException e) {
            close.run();
            throw e;
        } catch (Exception e) {
            close.run();
            throw new ClusterStartException(name + " start failed: " + e, e);
        }
    }

    /** @throws IllegalStateException unless started and not closed */
    public void requireStarted() {
        if (!started || closed) {
            throw new IllegalStateException("cluster is " + (closed ? "closed" : "not started"));
        }
    }

    /** "n1".."nN", group by group. */
    public List<String> nodes() {
        return groups.values().stream().flatMap(List::stream).toList();
    }

    /** Group id to member node ids, in order; unmodifiable. */
    public Map<String, List<String>> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /** @throws IllegalArgumentException naming the nodes there are, if {@code node} is none of them */
    public String groupOf(String node) {
        return groups.entrySet().stream().filter(e -> e.getValue().contains(node)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node '" + node + "', have " + nodes()));
    }

    /** A client configuration for ZooKeeper at {@code zookeeperConnect} with the router, replication and virtual nodes. */
    public ClientConfig.Builder clientConfig(String zookeeperConnect) {
        return ClientConfig.builder(zookeeperConnect).router(router).replication(spec.replication())
                .virtualNodes(spec.virtualNodes());
    }

    /**
     * During start: the agents' configurations and launching.
     *
     * @param zookeepers   server id to real address (see {@link ZooKeeperSide#start})
     * @param redisAddress node to where its Redis listens, as seen from this host
     */
    public AgentFleet agentFleet(Map<String, InetSocketAddress> zookeepers, Function<String, InetSocketAddress> redisAddress,
                                 Path workDir, PidDirectory pids) {
        return new AgentFleet(spec, router, groups, zookeepers, redisAddress, workDir, pids);
    }

    /** During start: makes and registers every node, group by group, with {@code factory(node, group)}. */
    public void addNodes(BiFunction<String, String, N> factory) {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            for (String node : group.getValue()) {
                nodes.put(node, factory.apply(node, group.getKey()));
            }
        }
    }

    /** The registered nodes in order; unmodifiable. */
    public Collection<N> all() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** During start: launches every registered node's agent, in order. */
    public void startAgents() throws IOException {
        for (N node : nodes.values()) {
            node.agent().start();
        }
    }

    /**
     * During start: waits up to the spec's start timeout until the cluster is ready (see
     * {@link Readiness}).
     *
     * @param redisAddress         node to where this host reaches its Redis
     * @param goodReplicaRequired  whether a master must also report a good replica (min-replicas-to-write)
     * @param hint                 follows the last problem in the failure message, ending where the agent logs follow
     * @throws ClusterStartException "&lt;name&gt; not ready after ...", with the hint and the end of each agent's log
     */
    public void awaitReady(LeaseStatus admin, Function<String, InetSocketAddress> redisAddress,
                           boolean goodReplicaRequired, String hint) {
        new Readiness(admin, groups, redisAddress, goodReplicaRequired)
                .await(spec.startTimeout(), nodes.values(), name + " not ready after ", hint);
    }

    /**
     * The registered node {@code id}.
     *
     * @throws IllegalStateException    unless started and not closed
     * @throws IllegalArgumentException naming the nodes there are, if there is no such node
     */
    public N node(String id) {
        requireStarted();
        N n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node '" + id + "', have " + nodes.keySet());
        }
        return n;
    }

    /** {@link NodeLifecycle#startNode}. */
    public void startNode(String node) {
        try {
            node(node).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + node + ": " + e.getMessage(), e);
        }
    }

    /** {@link NodeLifecycle#stopNode}. */
    public void stopNode(String node) {
        node(node).stop();
    }

    /** {@link NodeLifecycle#restartNode}. */
    public void restartNode(String node) {
        stopNode(node);
        startNode(node);
    }

    /** {@link NodeLifecycle#isRunning}. */
    public boolean isRunning(String node) {
        return node(node).isRunning();
    }

    /** {@link Killable#kill}. */
    public void kill(String node) {
        node(node).kill();
    }

    /** {@link Pausable#pause}. */
    public void pause(String node) {
        node(node).pause();
    }

    /** {@link Pausable#resume}. */
    public void resume(String node) {
        node(node).resume();
    }

    /** {@link NodeLogs#logFiles}. */
    public List<Path> logFiles(String node) {
        return node(node).logFiles();
    }

    /**
     * Closes once (later calls return at once): {@code teardown} of every node in reverse order of
     * registration (a failure is logged as "could not &lt;failedTo&gt; &lt;node&gt;" and the rest go on),
     * then each of {@code then} in order, then unregisters the shutdown hook unless running in it.
     */
    /**
     * The cluster's work directory: {@code given} (created if missing, kept at close), or a fresh
     * temporary one named {@code prefix...}, which {@link #close} deletes as its last step (the runner
     * has copied the nodes' logs into the run directory by then).
     */
    public Path workDir(Path given, String prefix) throws IOException {
        if (given != null) return Files.createDirectories(given);
        Path temp = Files.createTempDirectory(prefix);
        ownedWorkDir = temp;
        return temp;
    }

    private void deleteOwnedWorkDir() {
        Path dir = ownedWorkDir;
        if (dir == null || !Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log.warn("could not delete the work directory {}: {}", dir, e.toString());
        }
    }

    public void close(Consumer<N> teardown, String failedTo, Runnable... then) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<N> reversed = new ArrayList<>(nodes.values());
        Collections.reverse(reversed);
        for (N n : reversed) {
            try {
                teardown.accept(n);
            } catch (RuntimeException e) {
                log.warn("could not {} {}: {}", failedTo, n.id(), e.toString());
            }
        }
        for (Runnable step : then) {
            step.run();
        }
        deleteOwnedWorkDir();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // the JVM is already shutting down, or start() never registered it
            }
        }
    }
}
