package io.faultline.sut.cluster;

import io.faultline.hosts.process.HostProcess;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.AgentLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The lease agent of one node: a process on this host (launched with {@link AgentLauncher} in the
 * node's directory, recorded in the {@link PidDirectory}), or on the node's remote host (a
 * {@link Starter} of the ssh runtime), logging to {@code agent.log} in the node's local directory.
 * Runtime support shared by every runtime; a node holds one. Thread-safe (all control is synchronized; it never calls back into its node).
 */
public final class NodeAgent {
    /** How a runtime launches an agent process. */
    @FunctionalInterface
    public interface Starter {
        /** Launches the agent of {@code config}, its output appended to {@code log} (in the node's local directory {@code dir}). */
        HostProcess start(AgentConfig config, Path dir, Path log) throws IOException;
    }

    private final AgentConfig config;
    private final Path dir;
    private final Starter starter;
    private HostProcess process;

    /**
     * @param config the agent's configuration
     * @param dir    the node's directory: the agent's working directory and the home of {@code agent.log}
     * @param pids   where the agent's process is recorded for the sweep after a crashed JVM
     */
    public NodeAgent(AgentConfig config, Path dir, PidDirectory pids) {
        this(config, dir, pids, List.of());
    }

    /** As {@link #NodeAgent(AgentConfig, Path, PidDirectory)}, launched with {@code launcher} first (e.g. {@code ip netns exec NS}). */
    public NodeAgent(AgentConfig config, Path dir, PidDirectory pids, List<String> launcher) {
        this(config, dir, (c, d, log) -> AgentLauncher.start(c, d, log, pids, List.copyOf(launcher)));
    }

    /** An agent launched by {@code starter}, its local directory {@code dir} (the home of {@code agent.log}). */
    public NodeAgent(AgentConfig config, Path dir, Starter starter) {
        this.config = config;
        this.dir = dir;
        this.starter = starter;
    }

    /** Its configuration. */
    public AgentConfig config() {
        return config;
    }

    /** {@code agent.log} in the node's directory; it may not exist yet. */
    public Path log() {
        return dir.resolve("agent.log");
    }

    /** The node's log files: {@code redisLog}, then {@link #log()}. */
    public List<Path> logFiles(Path redisLog) {
        return List.of(redisLog, log());
    }

    /** Launches the agent unless it is alive already. */
    public synchronized void start() throws IOException {
        if (process == null || !process.isAlive()) {
            process = starter.start(config, dir, log());
        }
    }

    /** True if it was launched and its process is alive (a paused one counts as alive). */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL; no-op if it was never launched. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Graceful stop (SIGTERM: its session closes, freeing its lease at once), SIGKILL after {@code grace}; no-op if never launched. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            process.stop(grace);
        }
    }

    /** SIGSTOP. Only while {@link #isAlive()}: the node checks that first. */
    public synchronized void pause() {
        process.pause();
    }

    /** SIGCONT. Only while {@link #isAlive()}: the node checks that first. */
    public synchronized void resume() {
        process.resume();
    }
}
