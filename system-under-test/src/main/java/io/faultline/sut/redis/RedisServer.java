package io.faultline.sut.redis;

import io.faultline.sut.process.ManagedProcess;
import io.faultline.sut.process.PidDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * How to launch one {@code redis-server} bound to 127.0.0.1: its port, working directory, log
 * file and persistence. Every server starts <em>parked</em>: a read-only replica of an address
 * where nothing listens ({@link RedisRoles#PARKED_MASTER}) that refuses reads and writes, so no
 * node serves as master until its lease agent makes it one.
 *
 * @param binary      the checked binary
 * @param port        TCP port on 127.0.0.1
 * @param dir         working directory (data files); created if missing
 * @param logFile     Redis's own log file
 * @param persistence true: append-only file fsynced every second; false: no RDB, no AOF
 */
public record RedisServer(RedisBinary binary, int port, Path dir, Path logFile, boolean persistence) {
    public static final String HOST = "127.0.0.1";

    public RedisServer {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, was " + port);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(HOST, port);
    }

    /** The command line. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(binary.path().toString(),
                "--port", Integer.toString(port),
                "--bind", HOST,
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
        return HOST + ":" + port;
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
        try (Jedis jedis = new Jedis(HOST, port, 200)) {
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
