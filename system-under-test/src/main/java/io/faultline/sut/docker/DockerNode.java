package io.faultline.sut.docker;

import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.AgentLauncher;
import io.faultline.sut.process.ManagedProcess;
import io.faultline.sut.process.PidDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One node of the docker runtime: its Redis in a container and its lease agent as a process on
 * this host (as in the local runtime). Kill = {@code docker kill} + SIGKILL of the agent; pause =
 * {@code docker pause} + SIGSTOP of the agent, so a paused node's lease really lapses. Logs:
 * {@code redis.log} (the container's output) and {@code agent.log} in {@code dir}. Thread-safe.
 */
final class DockerNode {
    static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String id;
    private final RedisContainer redis;
    private final AgentConfig agentConfig;
    private final Path dir;
    private final PidDirectory pids;
    private final RestartMode restartMode;
    private ManagedProcess agent;

    DockerNode(String id, RedisContainer redis, AgentConfig agentConfig, Path dir, PidDirectory pids, RestartMode restartMode) {
        this.id = id;
        this.redis = redis;
        this.agentConfig = agentConfig;
        this.dir = dir;
        this.pids = pids;
        this.restartMode = restartMode;
    }

    String id() {
        return id;
    }

    RedisContainer redis() {
        return redis;
    }

    Path agentLog() {
        return dir.resolve("agent.log");
    }

    List<Path> logFiles() {
        return List.of(redis.logFile(), agentLog());
    }

    /** Starts the container (new, same or fresh by the restart mode) if it is not running, and waits for Redis. */
    synchronized void startRedis() {
        if (redis.exists() && redis.isRunning()) {
            return;
        }
        if (!redis.exists()) {
            redis.create();
        } else if (restartMode == RestartMode.SAME_CONTAINER) {
            redis.startAgain();
        } else {
            redis.remove();
            redis.create();
        }
        long deadline = System.nanoTime() + REDIS_START_TIMEOUT.toNanos();
        while (!redis.answersPing()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(id + ": Redis in " + redis + " did not answer PING on "
                        + redis.hostAddress() + " within " + REDIS_START_TIMEOUT + "; see " + redis.logFile());
            }
            pollPause();
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
        return agentAlive() && redis.exists() && redis.isRunning();
    }

    synchronized boolean agentAlive() {
        return agent != null && agent.isAlive();
    }

    /** SIGKILL of the agent, {@code docker kill} of the container. */
    synchronized void kill() {
        if (agent != null) {
            agent.kill();
        }
        if (redis.exists()) {
            redis.kill();
        }
    }

    /** {@code docker pause} (unless paused already) and SIGSTOP of the agent. */
    synchronized void pause() {
        requireRunning("pause");
        if (!redis.isPaused()) {
            redis.pause();
        }
        agent.pause();
    }

    /** {@code docker unpause} (if paused) and SIGCONT of the agent; harmless on a node that is not paused. */
    synchronized void resume() {
        requireRunning("resume");
        if (redis.isPaused()) {
            redis.unpause();
        }
        agent.resume();
    }

    /** Agent first (closing its session frees the lease at once), then {@code docker stop}. */
    synchronized void stop() {
        if (agent != null) {
            agent.stop(GRACE);
        }
        if (redis.exists()) {
            redis.stop(GRACE);
        }
    }

    /** Kills the agent and removes the container; for close(). */
    synchronized void destroy() {
        try {
            if (agent != null) {
                agent.kill();
            }
        } finally {
            redis.remove();
        }
    }

    private void requireRunning(String action) {
        if (!isRunning()) {
            throw new IllegalStateException("cannot " + action + " " + id + ": it is not running");
        }
    }

    private static void pollPause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Redis", e);
        }
    }
}
