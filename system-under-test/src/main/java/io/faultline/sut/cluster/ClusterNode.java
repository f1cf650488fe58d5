package io.faultline.sut.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One node of a runtime as the shared cluster code ({@link ClusterCore}) sees it: a Redis (a
 * process, a container, ...) and its {@link NodeAgent}. Runtime support, not an API for harness
 * code (which uses {@link Cluster}). Implementations are thread-safe.
 */
public interface ClusterNode {
    /** "n1".."nN". */
    String id();

    /** Its lease agent. */
    NodeAgent agent();

    /** Starts Redis (waiting until it answers), then the agent; each only if not running. */
    void start() throws IOException;

    /** Agent first (closing its session frees the lease at once), then Redis, each gracefully. */
    void stop();

    /** True if Redis and the agent are alive (paused counts as alive). */
    boolean isRunning();

    /** Kills the agent and Redis without warning. */
    void kill();

    /**
     * Freezes Redis and the agent.
     *
     * @throws IllegalStateException if it is not running
     */
    void pause();

    /**
     * Thaws Redis, then the agent.
     *
     * @throws IllegalStateException if it is not running
     */
    void resume();

    /** The Redis log, then the agent log; they may not exist yet. */
    List<Path> logFiles();
}
