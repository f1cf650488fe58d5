package io.faultline.sut.cluster;

import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.AgentLauncher;
import io.faultline.sut.process.ManagedProcess;
import io.faultline.sut.process.PidDirectory;
import io.faultline.sut.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One node of the local runtime: a redis-server process and its lease agent process, in directory
 * {@code workDir/<node>} with logs {@code redis.log} and {@code agent.log}. Thread-safe (all
 * control is synchronized).
 */
final class LocalNode {
    static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String id;
    private final RedisServer server;
    private final AgentConfig agentConfig;
    private final Path dir;
    private final PidDirectory pids;
    private ManagedProcess redis;
    private ManagedProcess agent;

    LocalNode(String id, RedisServer server, AgentConfig agentConfig, Path dir, PidDirectory pids) {
        this.id = id;
        this.server = server;
        this.agentConfig = agentConfig;
        this.dir = dir;
        this.pids = pids;
    }

    String id() {
        return id;
    }

    RedisServer server() {
        return server;
    }

    Path agentLog() {
        return dir.resolve("agent.log");
    }

    List<Path> logFiles() {
        return List.of(server.logFile(), agentLog());
    }

    synchronized void startRedis() {
        if (redis == null || !redis.isAlive()) {
            redis = server.start(id + "-redis", pids, REDIS_START_TIMEOUT);
        }
    }

    synchronized void startAgent() throws IOException {
        if (agent == null || !agent.isAlive()) {
            agent = AgentLauncher.start(agentConfig, dir, agentLog(), pids);
        }
    }

    synchronized void start() throws IOException {
        startRedis();
        startAgent();
    }

    synchronized boolean isRunning() {
        return redis != null && redis.isAlive() && agent != null && agent.isAlive();
    }

    synchronized boolean agentAlive() {
        return agent != null && agent.isAlive();
    }

    synchronized void kill() {
        if (agent != null) {
            agent.kill();
        }
        if (redis != null) {
            redis.kill();
        }
    }

    synchronized void pause() {
        requireRunning("pause");
        redis.pause();
        agent.pause();
    }

    synchronized void resume() {
        requireRunning("resume");
        redis.resume();
        agent.resume();
    }

    /** Agent first (closing its session frees the lease at once), then Redis. */
    synchronized void stop() {
        if (agent != null) {
            agent.stop(GRACE);
        }
        if (redis != null) {
            redis.stop(GRACE);
        }
    }

    private void requireRunning(String action) {
        if (redis == null || agent == null || !redis.isAlive() || !agent.isAlive()) {
            throw new IllegalStateException("cannot " + action + " " + id + ": it is not running");
        }
    }
}
