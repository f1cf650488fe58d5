package io.faultline.hosts.ssh;

import io.faultline.hosts.process.PidDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts of one ssh run, for any system: an {@link SshHost} per host name, each with a remote work
 * directory {@code /tmp/faultline-remote-<run>/<host>} (the run's uploads, data and pid files), the run's
 * packet faults ({@link SshPackets}), and the named daemons started on them ({@link RemoteProcess}, logs
 * in the local {@code workDir/<host>/<name>.log}).
 *
 * <p>Lifecycle: {@link #create} checks that every host answers, then sweeps what a dead harness left on
 * each (the processes whose pid files lie in a {@code /tmp/faultline-remote-*} directory and still run from
 * it, those directories, Faultline's iptables chains) and installs empty chains; {@link #close()} kills
 * every daemon (last started first), deletes the chains, removes the remote directories and ends the
 * shared connections. One run per host at a time: the sweep takes any earlier run's leftovers. Close is
 * idempotent; the owner closes (e.g. from its shutdown hook). Thread-safe (synchronized).
 */
public final class SshHosts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshHosts.class);
    /** Every run's remote directory starts so; the sweep looks for it. */
    public static final String REMOTE_PREFIX = "/tmp/faultline-remote-";
    /** The local directories of the shared connections' sockets, in the temporary directory. */
    private static final String CONTROL_PREFIX = "fl-ssh-";
    /** An empty socket directory this old belongs to no live run (ssh's ControlPersist is 60 s). */
    private static final java.time.Duration STALE = java.time.Duration.ofMinutes(2);
    private static final String SWEEP = "for d in " + REMOTE_PREFIX + "*; do [ -d \"$d\" ] || continue; "
            + "for f in \"$d\"/*/*.pid; do [ -f \"$f\" ] || continue; p=$(cat \"$f\"); "
            + "if [ -n \"$p\" ] && tr '\\0' ' ' < /proc/$p/cmdline 2>/dev/null | grep -qF \"$d\"; then kill -9 \"$p\" && echo \"killed $p ($f)\"; fi; done; "
            + "rm -rf \"$d\" && echo \"removed $d\"; done; true";

    private final String run;
    private final Map<String, SshHost> hosts;
    private final Path workDir;
    private final Path controlDir;
    private final PidDirectory pids;
    private final SshPackets packets;
    private final Map<String, RemoteProcess> processes = new LinkedHashMap<>();
    private boolean closed;

    private SshHosts(String run, Map<String, SshHost> hosts, Path workDir, Path controlDir, PidDirectory pids) {
        this.run = run;
        this.hosts = hosts;
        this.workDir = workDir;
        this.controlDir = controlDir;
        this.pids = pids;
        this.packets = new SshPackets(hosts);
    }

    /**
     * Connects to every host (in parallel), sweeps each and installs the packet chains.
     *
     * @param addresses host name to address, in the order the run names them
     * @param user      the remote user
     * @param key       the private key (null: ssh's defaults)
     * @param port      sshd's port
     * @param workDir   the local run directory: logs, and the run's {@code known_hosts}
     * @throws SshException one line: ssh missing, or the host that did not answer and why (everything made is undone)
     */
    public static SshHosts create(Map<String, String> addresses, String user, Path key, int port, Path workDir) {
        Objects.requireNonNull(workDir, "workDir");
        SshRequirements.missing().ifPresent(reason -> {
            throw new SshException("the ssh runtime " + reason);
        });
        String run = runId();
        Path controlDir;
        try {
            Files.createDirectories(workDir);
            sweepControlDirs();
            controlDir = Files.createTempDirectory(CONTROL_PREFIX);
        } catch (IOException e) {
            throw new SshException("cannot make the run directory " + workDir + ": " + e.getMessage(), e);
        }
        SshConfig config = new SshConfig(user, key, port, workDir.resolve("known_hosts"), controlDir);
        Map<String, SshHost> hosts = new LinkedHashMap<>();
        addresses.forEach((name, address) -> hosts.put(name, new SshHost(name, address, config)));
        SshHosts all = new SshHosts(run, hosts, workDir, controlDir, PidDirectory.at(PidDirectory.defaultLocation()));
        try {
            List<String> swept = Collections.synchronizedList(new ArrayList<>());
            all.eachHost(h -> {
                // only the sweep's own lines: the remote user's start-up files may print anything before them
                h.exec(SWEEP, null).lines().filter(l -> l.startsWith("killed ") || l.startsWith("removed "))
                        .forEach(l -> swept.add(h.name() + ": " + l));
            });
            if (!swept.isEmpty()) LOG.warn("removed what a dead harness left on the hosts: {}", swept);
            all.packets.install();
        } catch (RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    /**
     * Removes the empty socket directories of dead runs ({@code fl-ssh-*} in the temporary directory, not
     * changed for {@link #STALE}): a killed harness leaves its directory, whose sockets vanish when the
     * shared connections end on their own ({@code ControlPersist}).
     */
    private static void sweepControlDirs() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long now = System.currentTimeMillis();
        try (var dirs = Files.newDirectoryStream(tmp, CONTROL_PREFIX + "*")) {
            for (Path d : dirs) {
                try (var inside = Files.list(d)) {
                    if (inside.findAny().isEmpty() && now - Files.getLastModifiedTime(d).toMillis() > STALE.toMillis()) {
                        Files.deleteIfExists(d);
                    }
                } catch (IOException e) {
                    // another harness's, or gone meanwhile: not ours to worry about
                }
            }
        }
    }

    private static String runId() {
        return String.format(Locale.ROOT, "%06x", new SecureRandom().nextInt(1 << 24));
    }

    /** The run's id, in every remote directory's name. */
    public String run() {
        return run;
    }

    /** The hosts, in the order given. */
    public List<String> names() {
        return List.copyOf(hosts.keySet());
    }

    /** Host {@code name}. @throws IllegalArgumentException naming the hosts there are */
    public SshHost host(String name) {
        SshHost h = hosts.get(name);
        if (h == null) throw new IllegalArgumentException("no ssh host '" + name + "', have " + hosts.keySet());
        return h;
    }

    /** {@code name}'s address. */
    public String address(String name) {
        return host(name).address();
    }

    /** {@code /tmp/faultline-remote-<run>/<host>}, the host's remote work directory. */
    public String remoteDir(String name) {
        host(name);
        return REMOTE_PREFIX + run + "/" + name;
    }

    /** The run's packet faults on these hosts. */
    public SshPackets packets() {
        return packets;
    }

    /** The local log of daemon {@code name} on {@code host}: {@code workDir/<host>/<name>.log}. */
    public Path log(String host, String name) {
        return workDir.resolve(host).resolve(name + ".log");
    }

    /**
     * Starts daemon {@code name} on {@code host} in its remote directory (see {@link RemoteProcess#start}),
     * replacing a dead one of the same name.
     *
     * @throws IOException if ssh cannot be started
     */
    public synchronized RemoteProcess start(String host, String name, List<String> command) throws IOException {
        if (closed) throw new IllegalStateException("the ssh hosts are closed");
        String key = host + "/" + name;
        RemoteProcess old = processes.get(key);
        if (old != null && old.isAlive()) throw new IllegalStateException(key + " runs already");
        RemoteProcess p = RemoteProcess.start(host + "-" + name, host(host), command, remoteDir(host), log(host, name), pids);
        processes.put(key, p);
        return p;
    }

    /** Runs {@code action} on every host at once; rethrows the first failure. */
    public void eachHost(java.util.function.Consumer<SshHost> action) {
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (SshHost h : hosts.values()) {
            Thread t = new Thread(() -> {
                try {
                    action.accept(h);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "faultline-ssh-" + h.name());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SshException("interrupted while working on the ssh hosts");
            }
        }
        if (failure.get() != null) throw failure.get();
    }

    /** Kills every daemon (last started first), deletes the chains, removes the remote directories, ends the connections. Idempotent; never throws. */
    @Override
    public void close() {
        List<RemoteProcess> started;
        synchronized (this) {
            if (closed) return;
            closed = true;
            started = new ArrayList<>(processes.values());
        }
        Collections.reverse(started);
        for (RemoteProcess p : started) {
            try {
                p.kill();
            } catch (RuntimeException e) {
                LOG.warn("could not kill {}: {}", p, e.toString());
            }
        }
        try {
            packets.remove();
        } catch (RuntimeException e) {
            LOG.warn("could not remove the iptables chains: {}", e.toString());
        }
        try {
            eachHost(h -> h.exec("rm -rf " + SshConfig.quote(remoteDir(h.name())) + "; rmdir " + SshConfig.quote(REMOTE_PREFIX + run)
                    + " 2>/dev/null; true", null));
        } catch (RuntimeException e) {
            LOG.warn("could not remove the remote directories {}: {}", REMOTE_PREFIX + run, e.toString());
        }
        hosts.values().forEach(SshHost::close);
        try {
            try (var files = Files.list(controlDir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(controlDir);
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", controlDir, e.toString());
        }
    }
}
