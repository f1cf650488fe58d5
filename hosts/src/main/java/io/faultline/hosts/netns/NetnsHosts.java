package io.faultline.hosts.netns;

import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts of one netns run, for any system: a {@link NetnsNetwork} (a namespace and an address per
 * host) and the named processes started on them, each in its host's namespace, its output appended to
 * {@code workDir/<host>/<name>.log}, its pid recorded so that a later run sweeps it after a crash of
 * this JVM. This is what a system's netns runtime builds on: it decides the command lines (its servers'
 * flags name the hosts' {@link #address addresses}), this class runs, signals and removes them.
 *
 * <p>Lifecycle: {@link #create} sweeps what a dead harness left ({@link NetnsLeftovers}, the
 * {@link PidDirectory}) and makes the network; {@link #close()} kills every process (last started
 * first) and removes the network; a JVM shutdown hook closes it on Ctrl-C. Idempotent. Thread-safe.
 */
public final class NetnsHosts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsHosts.class);

    private final NetnsNetwork network;
    private final Path workDir;
    private final PidDirectory pids;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Thread hook;
    private boolean closed;

    private NetnsHosts(NetnsNetwork network, Path workDir, PidDirectory pids) {
        this.network = network;
        this.workDir = workDir;
        this.pids = pids;
        this.hook = new Thread(this::close, "faultline-netns-hosts-close");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Makes the namespaces of {@code hosts} in {@code range}, recorded in the default places
     * ({@link NetnsLeftovers#defaultLocation()}, {@link PidDirectory#defaultLocation()}), after sweeping
     * what a dead harness left there.
     *
     * @param workDir where each host's directory and the processes' logs go (created if missing)
     * @throws NetnsException one line: what is missing (root, {@code ip}, {@code iptables}, Linux), or
     *                        the command that failed (everything made is removed again)
     */
    public static NetnsHosts create(AddressRange range, List<String> hosts, Path workDir) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(workDir, "workDir");
        NetnsRequirements.missing().ifPresent(reason -> {
            throw new NetnsException("the netns runtime " + reason);
        });
        PidDirectory pids = PidDirectory.at(PidDirectory.defaultLocation());
        NetnsLeftovers records = NetnsLeftovers.at(NetnsLeftovers.defaultLocation());
        List<String> swept = new ArrayList<>(pids.sweep());
        swept.addAll(records.sweep());
        if (!swept.isEmpty()) LOG.warn("removed what a dead harness left behind: {}", swept);
        try {
            for (String host : hosts) Files.createDirectories(workDir.resolve(host));
        } catch (IOException e) {
            throw new NetnsException("cannot make the run directory " + workDir + ": " + e.getMessage());
        }
        return new NetnsHosts(NetnsNetwork.create(range, hosts, records), workDir, pids);
    }

    /** The network: names, addresses, and the packet filter the nemeses use. */
    public NetnsNetwork network() {
        return network;
    }

    /** The hosts, in address order. */
    public List<String> hosts() {
        return network.hosts();
    }

    /** {@code host}'s address on the bridge. */
    public String address(String host) {
        return network.address(host);
    }

    /** {@code workDir/<host>}: the host's own directory (exists). */
    public Path dir(String host) {
        return workDir.resolve(host);
    }

    /** {@code workDir/<host>/<name>.log}. */
    public Path log(String host, String name) {
        return dir(host).resolve(name + ".log");
    }

    /**
     * Starts {@code command} in {@code host}'s namespace as the process {@code name} of that host,
     * in the host's directory; remembered, so that {@link #restart} can start it again.
     *
     * @throws IOException when it cannot start (a missing binary)
     * @throws IllegalStateException when a process of that name runs there already
     */
    public synchronized ManagedProcess start(String host, String name, List<String> command) throws IOException {
        requireOpen();
        String key = host + "/" + name;
        ManagedProcess old = processes.get(key);
        if (old != null && old.isAlive()) throw new IllegalStateException(key + " is running already");
        List<String> full = new ArrayList<>(network.launcher(host));
        full.addAll(command);
        ManagedProcess p = ManagedProcess.start(key, full, dir(host), log(host, name), pids, network.names().namespace(host));
        processes.put(key, p);
        commands.put(key, List.copyOf(command));
        return p;
    }

    /** Starts process {@code name} of {@code host} again with its last command line (after a kill). */
    public ManagedProcess restart(String host, String name) throws IOException {
        List<String> command;
        synchronized (this) {
            command = commands.get(host + "/" + name);
        }
        if (command == null) throw new IllegalArgumentException("no process " + name + " was started on " + host);
        return start(host, name, command);
    }

    /** The process {@code name} of {@code host}, if it was started (it may have died since). */
    public synchronized Optional<ManagedProcess> process(String host, String name) {
        return Optional.ofNullable(processes.get(host + "/" + name));
    }

    /** Whether process {@code name} of {@code host} runs now. */
    public boolean isRunning(String host, String name) {
        return process(host, name).map(ManagedProcess::isAlive).orElse(false);
    }

    /** SIGKILL to process {@code name} of {@code host} (resumed first if paused), waiting until it is gone; nothing if not running. */
    public void kill(String host, String name) {
        process(host, name).ifPresent(p -> {
            if (p.isAlive()) {
                p.resume();
                p.kill();
            }
        });
    }

    /** SIGSTOP to process {@code name} of {@code host}. */
    public void pause(String host, String name) {
        process(host, name).filter(ManagedProcess::isAlive).ifPresent(ManagedProcess::pause);
    }

    /** SIGCONT to process {@code name} of {@code host}. */
    public void resume(String host, String name) {
        process(host, name).filter(ManagedProcess::isAlive).ifPresent(ManagedProcess::resume);
    }

    /** Every process's log file, in start order. */
    public synchronized List<Path> logs() {
        List<Path> out = new ArrayList<>();
        processes.keySet().forEach(k -> {
            String[] hn = k.split("/", 2);
            out.add(log(hn[0], hn[1]));
        });
        return out;
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the netns hosts are closed");
    }

    /** Kills every process (last started first), then removes the network. Idempotent. */
    @Override
    public void close() {
        List<ManagedProcess> toKill;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toKill = new ArrayList<>(processes.values());
        }
        for (int i = toKill.size() - 1; i >= 0; i--) {
            try {
                ManagedProcess p = toKill.get(i);
                p.resume();
                p.kill();
            } catch (RuntimeException e) {
                LOG.warn("cannot kill {}: {}", toKill.get(i), e.toString());
            }
        }
        network.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }
}
