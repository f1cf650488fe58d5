package io.faultline.sut.redis;

import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * How to launch one {@code redis-server}: its address (127.0.0.1 on the local runtime, the node's own
 * address in its network namespace on the netns runtime), port, working directory, log file,
 * persistence, and the words that launch it (none, or {@code ip netns exec NS}). Every server starts <em>parked</em>: a read-only replica of an address
 * where nothing listens ({@link RedisRoles#PARKED_MASTER}) that refuses reads and writes, so no
 * node serves as master until its lease agent makes it one.
 *
 * @param binary      the checked binary
 * @param host        the address it binds, and where this host reaches it
 * @param port        TCP port on {@code host}
 * @param dir         working directory (data files); created if missing
 * @param logFile     Redis's own log file
 * @param persistence true: append-only file fsynced every second; false: no RDB, no AOF
 * @param launcher    the words before the binary on its command line, e.g. {@code ip netns exec fl-0a1b2c-n1}; may be empty
 */
public record RedisServer(RedisBinary binary, String host, int port, Path dir, Path logFile, boolean persistence,
                          List<String> launcher) {
    public static final String HOST = "127.0.0.1";

    public RedisServer {
        java.util.Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, was " + port);
        }
        launcher = List.copyOf(launcher);
    }

    /** A server on 127.0.0.1, launched directly (the local runtime). */
    public RedisServer(RedisBinary binary, int port, Path dir, Path logFile, boolean persistence) {
        this(binary, HOST, port, dir, logFile, persistence, List.of());
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** The command line, launcher first. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of(binary.path().toString(),
                "--port", Integer.toString(port),
                "--bind", host,
                "--protected-mode", "no",
                "--daemonize", "no",
                "--dir", dir.toString(),
                "--logfile", logFile.toString(),
                "--replicaof", RedisRoles.PARKED_MASTER.getHostString(), Integer.toString(RedisRoles.PARKED_MASTER.getPort()),
                "--replica-serve-stale-data", "no",
                "--replica-read-only", "yes",
                "--repl-timeout", "5",
                "--save", ""));
        if (persistence) {
            cmd.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec"));
        } else {
            cmd.addAll(List.of("--appendonly", "no"));
        }
        return cmd;
    }

    /** A string its {@code /proc/PID/cmdline} contains while it runs (Redis rewrites its title to "binary host:port"). */
    public String fingerprint() {
        return host + ":" + port;
    }

    /**
     * Starts the server and waits until it answers PING.
     *
     * @throws RedisStartException if it exits early or does not answer within {@code timeout}; the
     *                             process is gone when this is thrown
     */
    public ManagedProcess start(String name, PidDirectory pids, Duration timeout) {
        ManagedProcess process;
        try {
            Files.createDirectories(dir);
            Files.createDirectories(logFile.getParent());
            process = ManagedProcess.start(name, command(), dir, logFile, pids, fingerprint());
        } catch (IOException e) {
            throw new RedisStartException(name + ": cannot start " + binary.path() + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                process.kill();
                throw new RedisStartException(name + ": redis-server on port " + port + " exited with code "
                        + process.exitCode().orElse(-1) + " at start; its log " + logFile + " says: " + tail(logFile));
            }
            if (answersPing()) {
                return process;
            }
            if (System.nanoTime() > deadline) {
                process.kill();
                throw new RedisStartException(name + ": redis-server on port " + port + " did not answer PING within "
                        + timeout + "; its log " + logFile + " says: " + tail(logFile));
            }
            process.waitFor(Duration.ofMillis(20));
        }
    }

    private boolean answersPing() {
        try (Jedis jedis = new Jedis(host, port, 200)) {
            return "PONG".equals(jedis.ping());
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return true; // an error reply (Redis 7 answers MASTERDOWN while parked) is an answer
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The last lines of a log file, or a note that it is empty or unreadable. */
    public static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) {
                return "(empty)";
            }
            return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
