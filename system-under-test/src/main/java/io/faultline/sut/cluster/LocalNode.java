package io.faultline.sut.cluster;

import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.redis.RedisServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One node made of processes of this host: a redis-server process and its lease agent process
 * ({@link NodeAgent}), in directory {@code workDir/<node>} with logs {@code redis.log} and
 * {@code agent.log}; the local runtime's node, and the netns runtime's (whose processes are launched
 * into the node's network namespace). Kill, pause and resume are signals to both processes.
 * Runtime support, not an API for harness code. Thread-safe (all control is synchronized).
 */
public final class LocalNode implements ClusterNode {
    static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String id;
    private final RedisServer server;
    private final NodeAgent agent;
    private final PidDirectory pids;
    private ManagedProcess redis;

    public LocalNode(String id, RedisServer server, NodeAgent agent, PidDirectory pids) {
        this.id = id;
        this.server = server;
        this.agent = agent;
        this.pids = pids;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public NodeAgent agent() {
        return agent;
    }

    /** How its Redis is launched, and where it listens. */
    public RedisServer server() {
        return server;
    }

    @Override
    public List<Path> logFiles() {
        return agent.logFiles(server.logFile());
    }

    /** Starts Redis (waiting until it answers PING) unless it runs. */
    public synchronized void startRedis() {
        if (redis == null || !redis.isAlive()) {
            redis = server.start(id + "-redis", pids, REDIS_START_TIMEOUT);
        }
    }

    @Override
    public synchronized void start() throws IOException {
        startRedis();
        agent.start();
    }

    @Override
    public synchronized boolean isRunning() {
        return redis != null && redis.isAlive() && agent.isAlive();
    }

    @Override
    public synchronized void kill() {
        agent.kill();
        if (redis != null) {
            redis.kill();
        }
    }

    @Override
    public synchronized void pause() {
        requireRunning("pause");
        redis.pause();
        agent.pause();
    }

    @Override
    public synchronized void resume() {
        requireRunning("resume");
        redis.resume();
        agent.resume();
    }

    /** Agent first (closing its session frees the lease at once), then Redis. */
    @Override
    public synchronized void stop() {
        agent.stop(GRACE);
        if (redis != null) {
            redis.stop(GRACE);
        }
    }

    private void requireRunning(String action) {
        if (redis == null || !redis.isAlive() || !agent.isAlive()) {
            throw new IllegalStateException("cannot " + action + " " + id + ": it is not running");
        }
    }
}
