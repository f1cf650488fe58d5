package io.faultline.sut.docker;

import io.faultline.sut.cluster.ClusterNode;
import io.faultline.sut.cluster.NodeAgent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One node of the docker runtime: its Redis in a container and its lease agent as a process on
 * this host ({@link NodeAgent}, as in the local runtime). Kill = {@code docker kill} + SIGKILL of
 * the agent; pause = {@code docker pause} + SIGSTOP of the agent, so a paused node's lease really
 * lapses. Logs: {@code redis.log} (the container's output) and {@code agent.log} in the node's
 * directory. Thread-safe.
 */
final class DockerNode implements ClusterNode {
    static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String id;
    private final RedisContainer redis;
    private final NodeAgent agent;
    private final RestartMode restartMode;

    DockerNode(String id, RedisContainer redis, NodeAgent agent, RestartMode restartMode) {
        this.id = id;
        this.redis = redis;
        this.agent = agent;
        this.restartMode = restartMode;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public NodeAgent agent() {
        return agent;
    }

    RedisContainer redis() {
        return redis;
    }

    @Override
    public List<Path> logFiles() {
        return agent.logFiles(redis.logFile());
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

    @Override
    public synchronized void start() throws IOException {
        startRedis();
        agent.start();
    }

    @Override
    public synchronized boolean isRunning() {
        return agent.isAlive() && redis.exists() && redis.isRunning();
    }

    /** SIGKILL of the agent, {@code docker kill} of the container. */
    @Override
    public synchronized void kill() {
        agent.kill();
        if (redis.exists()) {
            redis.kill();
        }
    }

    /** {@code docker pause} (unless paused already) and SIGSTOP of the agent. */
    @Override
    public synchronized void pause() {
        requireRunning("pause");
        if (!redis.isPaused()) {
            redis.pause();
        }
        agent.pause();
    }

    /** {@code docker unpause} (if paused) and SIGCONT of the agent; harmless on a node that is not paused. */
    @Override
    public synchronized void resume() {
        requireRunning("resume");
        if (redis.isPaused()) {
            redis.unpause();
        }
        agent.resume();
    }

    /** Agent first (closing its session frees the lease at once), then {@code docker stop}. */
    @Override
    public synchronized void stop() {
        agent.stop(GRACE);
        if (redis.exists()) {
            redis.stop(GRACE);
        }
    }

    /** Kills the agent and removes the container; for close(). */
    synchronized void destroy() {
        try {
            agent.kill();
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
