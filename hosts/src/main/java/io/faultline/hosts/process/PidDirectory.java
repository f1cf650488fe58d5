package io.faultline.hosts.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the processes this JVM starts, so that a later JVM can kill what a crashed one left
 * behind. Each record holds the pid, its start time, a fingerprint of its command line, and the
 * pid and start time of the owning JVM. {@link #sweep()} kills a recorded process only if its
 * owner is dead AND it is still alive with the same start time AND its {@code /proc/PID/cmdline}
 * still contains the fingerprint: never an unrelated process, never one of a live harness.
 * Thread-safe.
 */
public final class PidDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(PidDirectory.class);
    private static final ProcessHandle SELF = ProcessHandle.current();

    private final Path dir;

    private PidDirectory(Path dir) {
        this.dir = dir;
    }

    /** The pid directory at {@code dir} (created if missing). */
    public static PidDirectory at(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create pid directory " + dir, e);
        }
        return new PidDirectory(dir);
    }

    /** {@code ~/.cache/faultline/pids}. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".cache", "faultline", "pids");
    }

    public Path path() {
        return dir;
    }

    Path record(String name, ProcessHandle handle, String fingerprint) throws IOException {
        return record(name, handle, fingerprint, SELF);
    }

    /** Records {@code handle} as started by {@code owner} (tests use a dead owner to stand for a crashed harness). */
    Path record(String name, ProcessHandle handle, String fingerprint, ProcessHandle owner) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("pid", Long.toString(handle.pid()));
        handle.info().startInstant().ifPresent(t -> p.setProperty("start", t.toString()));
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("owner", Long.toString(owner.pid()));
        owner.info().startInstant().ifPresent(t -> p.setProperty("ownerStart", t.toString()));
        Path file = dir.resolve(owner.pid() + "-" + handle.pid() + ".pid");
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "faultline process record");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.warn("could not delete pid file {}: {}", pidFile, e.toString());
        }
    }

    /**
     * Kills the leftovers of dead owners (see class doc) and deletes their records.
     *
     * @return descriptions of the processes killed
     */
    public List<String> sweep() {
        List<String> killed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            LOG.warn("cannot list pid directory {}: {}", dir, e.toString());
            return killed;
        }
        for (Path file : files) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                continue; // being written or removed by its owner
            }
            if (isAlive(p.getProperty("owner"), p.getProperty("ownerStart"))) {
                continue;
            }
            long pid = Long.parseLong(p.getProperty("pid", "-1"));
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent() && isAlive(p.getProperty("pid"), p.getProperty("start"))
                    && cmdline(pid).contains(p.getProperty("fingerprint", "\u0000never"))) {
                h.get().destroyForcibly();
                killed.add(p.getProperty("name") + " (pid " + pid + ")");
                LOG.info("killed leftover {} (pid {}) of dead harness pid {}", p.getProperty("name"), pid,
                        p.getProperty("owner"));
            }
            forget(file);
        }
        return killed;
    }

    private static boolean isAlive(String pid, String start) {
        if (pid == null) {
            return false;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(pid));
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        Optional<Instant> actual = h.get().info().startInstant();
        return start == null || actual.isEmpty() || actual.get().toString().equals(start);
    }

    /** {@code /proc/PID/cmdline} with NULs as spaces; empty if unreadable. */
    static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\u0000', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
