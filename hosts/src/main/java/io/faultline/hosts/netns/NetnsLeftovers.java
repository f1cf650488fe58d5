package io.faultline.hosts.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner records of netns runs and the sweep of what a dead harness left behind. Before a run
 * creates anything it records {@code <run>.properties} (its range, the owning JVM's pid and start
 * time) in {@link #defaultLocation()}; it deletes the record after removing everything. {@link #sweep}
 * removes every Faultline namespace and root link ({@link NetnsNames#PREFIX}) whose run has no live
 * owner, killing the processes inside first: never anything of a live harness, never an object
 * without the prefix. Thread-safe.
 */
public final class NetnsLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsLeftovers.class);
    private final Path dir;

    private NetnsLeftovers(Path dir) {
        this.dir = dir;
    }

    /** The records at {@code dir} (created if missing). */
    public static NetnsLeftovers at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the netns record directory " + dir, e);
        }
        return new NetnsLeftovers(dir);
    }

    /** {@code ~/.cache/faultline/netns}: one place for every harness on this machine, so each sweeps the others' leftovers. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".cache", "faultline", "netns");
    }

    /**
     * Records run {@code names} with {@code range} as this JVM's.
     *
     * @throws NetnsException if a live harness's run already uses an overlapping range
     */
    synchronized void record(NetnsNames names, AddressRange range) {
        for (Properties other : records()) {
            if (ownerAlive(other) && overlaps(range, other.getProperty("range"))) {
                throw new NetnsException("the netns address range " + range + " is in use by run " + other.getProperty("run")
                        + " of the live harness pid " + other.getProperty("owner") + ": choose another range or wait for it");
            }
        }
        ProcessHandle self = ProcessHandle.current();
        Properties p = new Properties();
        p.setProperty("run", names.run());
        p.setProperty("range", range.toString());
        p.setProperty("owner", Long.toString(self.pid()));
        self.info().startInstant().ifPresent(t -> p.setProperty("ownerStart", t.toString()));
        Path file = file(names.run());
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "faultline netns run");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record netns run in " + dir, e);
        }
    }

    /** Deletes run {@code run}'s record. */
    void forget(String run) {
        try {
            Files.deleteIfExists(file(run));
        } catch (IOException e) {
            LOG.warn("could not delete the netns record {}: {}", file(run), e.toString());
        }
    }

    /**
     * Removes the namespaces and root links of every run whose owner is dead (or that has no record),
     * killing their processes first, and deletes those runs' records.
     *
     * @return what it removed, e.g. {@code namespace fl-0a1b2c-n1 (2 processes killed)}
     */
    public synchronized List<String> sweep() {
        List<String> removed = new ArrayList<>();
        Set<String> live = new TreeSet<>();
        Set<String> dead = new TreeSet<>();
        for (Properties p : records()) {
            (ownerAlive(p) ? live : dead).add(p.getProperty("run"));
        }
        for (String ns : namespaces()) {
            String run = NetnsNames.runOf(ns).orElseThrow();
            if (!live.contains(run)) {
                int killed = killAll(ns);
                Shell.run(IpCommands.deleteNamespace(ns), null);
                removed.add("namespace " + ns + (killed > 0 ? " (" + killed + " processes killed)" : ""));
                dead.add(run);
            }
        }
        for (String link : links()) {
            String run = NetnsNames.runOf(link).orElseThrow();
            if (!live.contains(run) && Shell.run(IpCommands.deleteLink(link), null).ok()) {
                removed.add("link " + link);
                dead.add(run);
            }
        }
        dead.forEach(this::forget);
        return removed;
    }

    /** The Faultline namespaces on this machine, of any run. */
    public static List<String> namespaces() {
        List<String> out = new ArrayList<>();
        for (String line : Shell.check(IpCommands.listNamespaces(), null).split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (NetnsNames.runOf(name).isPresent()) out.add(name);
        }
        return out;
    }

    /** The Faultline links of the root namespace, of any run. */
    public static List<String> links() {
        List<String> out = new ArrayList<>();
        for (String line : Shell.check(IpCommands.listLinks(), null).split("\n")) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length < 2) continue;
            String name = parts[1].split("@")[0].trim();
            if (NetnsNames.runOf(name).isPresent()) out.add(name);
        }
        return out;
    }

    /** The pids of the processes in {@code namespace}; empty when it is gone. */
    public static List<Long> pids(String namespace) {
        Shell.Result r = Shell.run(IpCommands.pids(namespace), null);
        List<Long> out = new ArrayList<>();
        if (!r.ok()) return out;
        for (String line : r.output().split("\n")) {
            if (!line.isBlank()) out.add(Long.parseLong(line.trim()));
        }
        return out;
    }

    /** SIGKILLs every process in {@code namespace} and waits up to 10 s for them to go; returns how many there were. */
    static int killAll(String namespace) {
        List<ProcessHandle> procs = pids(namespace).stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        procs.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle p : procs) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    p.onExit().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception notYet) {
                    // poll again until the deadline
                }
            }
        }
        return procs.size();
    }

    private List<Properties> records() {
        List<Properties> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(in);
                    if (p.getProperty("run") != null) out.add(p);
                } catch (IOException ignored) {
                    // being written or removed by its owner
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the netns records in {}: {}", dir, e.toString());
        }
        return out;
    }

    private Path file(String run) {
        return dir.resolve(run + ".properties");
    }

    private static boolean ownerAlive(Properties p) {
        try {
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(p.getProperty("owner", "-1")));
            if (h.isEmpty() || !h.get().isAlive()) return false;
            String start = p.getProperty("ownerStart");
            return start == null || h.get().info().startInstant().map(i -> i.toString().equals(start)).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean overlaps(AddressRange a, String other) {
        if (other == null) return false;
        try {
            AddressRange b = AddressRange.parse(other);
            int prefix = Math.min(a.prefix(), b.prefix());
            long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return (a.network() & mask) == (b.network() & mask);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
