package io.faultline.sut.cluster;

import io.faultline.sut.lease.AgentConfig;
import io.faultline.sut.lease.LeaseAgent;
import io.faultline.sut.process.ManagedProcess;
import io.faultline.sut.process.PidDirectory;
import io.faultline.sut.redis.RedisServer;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
            Files.createDirectories(dir);
            agent = ManagedProcess.start(id + "-agent", agentCommand(), dir, agentLog(), pids,
                    LeaseAgent.class.getName() + " --node=" + id + " ");
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

    private List<String> agentCommand() {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.curator=warn",
                "-cp", classpath(),
                LeaseAgent.class.getName()));
        cmd.addAll(agentConfig.toArgs());
        return cmd;
    }

    /**
     * The classpath that loaded the agent: the URLs of its class loaders when they are URL class
     * loaders (e.g. under {@code mvn exec:java}), else {@code java.class.path}.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = LeaseAgent.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader ucl) {
                for (URL url : ucl.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (java.net.URISyntaxException e) {
                            entries.add(url.getPath());
                        }
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
