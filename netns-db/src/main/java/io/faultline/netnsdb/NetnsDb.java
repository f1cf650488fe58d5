package io.faultline.netnsdb;

import io.faultline.core.db.Db;
import io.faultline.core.db.DbStartException;
import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsException;
import io.faultline.hosts.netns.NetnsHosts;
import io.faultline.nemesis.packet.PacketNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Db of one server per node, each node a host of {@link NetnsHosts} (its own network namespace and
 * address), for any system whose netns plug-in gives a {@link ServerLauncher}. {@link #setup()} makes
 * the hosts in a fresh work directory, starts every server, and waits until each is
 * {@link ServerLauncher#ready ready}, at most the start timeout. Abilities: {@link Killable} (SIGKILL;
 * start runs the same command line again), {@link Pausable} (SIGSTOP/SIGCONT), {@link HasNet}
 * (partitions and loss as iptables rules, {@link PacketNet}; latency refused), {@link HasLogs} (each
 * server's output, which the runner copies into the run directory). A system adds
 * {@link io.faultline.core.node.HasPrimaries} by extending this class.
 *
 * <p>Lifecycle: setup once; {@link #close()} kills every server, removes the namespaces and deletes
 * the work directory (the runner has copied the logs by then), also after a failed setup. After a
 * {@code kill -9} of the harness, the next setup of the same system deletes the dead harness's work
 * directory ({@code $TMPDIR/faultline-<system>-<pid>-*}), as {@link NetnsHosts#create} sweeps its
 * processes and namespaces. Thread-safe
 * after setup: the abilities are called from the nemesis thread while clients read {@link #hosts()}.
 */
public class NetnsDb implements Db, Killable, Pausable, HasNet, HasLogs {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsDb.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final String system;
    private final List<String> nodes;
    private final AddressRange range;
    private final ServerLauncher launcher;
    private final Duration startTimeout;
    private final PacketNet net;
    private volatile NetnsHosts hosts;
    private volatile Path workDir;

    /**
     * @param system       the system's name, in messages and the work directory's name
     * @param nodes        the node names, e.g. {@code n1..n3}: the hosts, in address order
     * @param range        the private bridge's range (the harness takes its first address)
     * @param startTimeout how long setup waits for every server to be ready
     */
    public NetnsDb(String system, List<String> nodes, AddressRange range, ServerLauncher launcher, Duration startTimeout) {
        this.system = Objects.requireNonNull(system, "system");
        this.nodes = List.copyOf(nodes);
        this.range = Objects.requireNonNull(range, "range");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        this.net = new PacketNet("netns", () -> hosts().network().filter());
    }

    @Override
    public List<String> nodes() {
        return nodes;
    }

    /** The run's hosts (addresses, directories, processes). @throws IllegalStateException before setup */
    public NetnsHosts hosts() {
        NetnsHosts h = hosts;
        if (h == null) throw new IllegalStateException(system + " is not set up");
        return h;
    }

    /** {@code node}'s address on the bridge. @throws IllegalStateException before setup */
    public String address(String node) {
        return hosts().address(node);
    }

    /** How long setup waits for the servers; also a fair bound for a restarted server. */
    public Duration startTimeout() {
        return startTimeout;
    }

    /**
     * @throws DbStartException one line when the machine cannot run it (no root, a missing binary) or a
     *                          server is not ready within the start timeout (naming its log)
     */
    @Override
    public void setup() throws Exception {
        workDir = Files.createTempDirectory(workDirPrefix() + ProcessHandle.current().pid() + "-");
        try {
            hosts = NetnsHosts.create(range, nodes, workDir); // sweeps a dead harness's processes and namespaces
        } catch (NetnsException e) {
            throw new DbStartException(e.getMessage(), e);
        }
        sweepDeadWorkDirectories(); // and then their directories
        for (String node : nodes) {
            List<String> command = launcher.command(node, hosts);
            try {
                hosts.start(node, launcher.processName(), command);
            } catch (IOException e) {
                throw new DbStartException("cannot start " + command.get(0) + " on " + node + ": " + e.getMessage()
                        + " (install it, or name it with the system's option)", e);
            }
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        for (String node : nodes) {
            if (!awaitReady(node, deadline)) {
                String what = hosts.isRunning(node, launcher.processName()) ? "was not ready within " + startTimeout.toMillis()
                        + " ms (--start-timeout)" : "exited before it was ready";
                logTail(node);
                throw new DbStartException(system + " on " + node + " " + what + lastLine(node), null);
            }
        }
        LOG.info("{}: {} servers ready in {}", system, nodes.size(), workDir);
    }

    /** Polls {@code node}'s readiness until {@code deadline} (nanoTime); false when its process died or time ran out. */
    public boolean awaitReady(String node, long deadline) throws InterruptedException {
        while (true) {
            if (launcher.ready(node, hosts())) return true;
            if (!hosts().isRunning(node, launcher.processName())) return false;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Logs the end of {@code node}'s log: the work directory goes at close, before anyone could read it. */
    private void logTail(String node) {
        try {
            List<String> lines = Files.readAllLines(hosts.log(node, launcher.processName()));
            LOG.warn("{} on {} did not start; the end of its log:\n{}", system, node,
                    String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} on {} did not start, and its log cannot be read: {}", system, node, e.toString());
        }
    }

    private String lastLine(String node) {
        try (Stream<String> lines = Files.lines(hosts.log(node, launcher.processName()))) {
            return lines.filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).reduce((a, b) -> b)
                    .map(l -> "; the last line of its log: " + l).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void kill(String node) {
        hosts().kill(node, launcher.processName());
    }

    /** Starts the killed server again with its command line; returns once its process runs (not when it is ready). */
    @Override
    public void start(String node) throws IOException {
        if (!hosts().isRunning(node, launcher.processName())) hosts().restart(node, launcher.processName());
    }

    @Override
    public void pause(String node) {
        hosts().pause(node, launcher.processName());
    }

    @Override
    public void resume(String node) {
        hosts().resume(node, launcher.processName());
    }

    @Override
    public Net net() {
        return net;
    }

    @Override
    public Optional<String> cannot(NetFault fault) {
        return net.cannot(fault);
    }

    @Override
    public Map<String, List<Path>> logFiles() {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        NetnsHosts h = hosts;
        if (h == null) return out;
        for (String node : nodes) out.put(node, List.of(h.log(node, launcher.processName())));
        return out;
    }

    /** Kills every server, removes the namespaces, deletes the work directory. Idempotent. */
    @Override
    public void close() {
        NetnsHosts h = hosts;
        if (h != null) h.close();
        Path dir = workDir;
        workDir = null;
        if (dir != null) deleteTree(dir);
    }

    /** {@code faultline-<system>-}: the work directories are {@code $TMPDIR/faultline-<system>-<owner pid>-<random>}. */
    private String workDirPrefix() {
        return "faultline-" + system + "-";
    }

    /**
     * Deletes the work directories of harnesses that died without closing (kill -9): those whose owner
     * pid no longer runs. Their processes and namespaces are swept by {@link NetnsHosts#create}.
     */
    private void sweepDeadWorkDirectories() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> all = Files.list(tmp)) {
            for (Path dir : all.toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(workDirPrefix()) || !Files.isDirectory(dir)) continue;
                String[] parts = name.substring(workDirPrefix().length()).split("-", 2);
                if (parts.length < 2 || !parts[0].matches("\\d{1,10}")) continue;
                if (ProcessHandle.of(Long.parseLong(parts[0])).isPresent()) continue;
                LOG.warn("removing {}, the work directory of a harness that died (pid {})", dir, parts[0]);
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }

    @Override
    public String toString() {
        return system + " on netns " + range + " " + nodes;
    }
}
