package io.faultline.sut.lease;

import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Launches a {@link LeaseAgent} as its own JVM process on this host, as every runtime does: a
 * small heap, the classpath that loaded the agent, and the {@link AgentConfig} as arguments. Its
 * stdin stays open, so the agent shuts down its Redis and exits when the launching JVM dies.
 */
public final class AgentLauncher {
    private AgentLauncher() {
    }

    /**
     * Starts the agent of {@code config.node()} in {@code dir} (created if missing), appending its
     * output to {@code log}, recorded in {@code pids}.
     *
     * @throws IOException if the JVM cannot be started
     */
    public static ManagedProcess start(AgentConfig config, Path dir, Path log, PidDirectory pids) throws IOException {
        return start(config, dir, log, pids, List.of());
    }

    /**
     * As {@link #start(AgentConfig, Path, Path, PidDirectory)}, with {@code launcher} before the command
     * line (e.g. {@code ip netns exec NS}, which runs the JVM itself in that namespace, same pid).
     */
    public static ManagedProcess start(AgentConfig config, Path dir, Path log, PidDirectory pids, List<String> launcher)
            throws IOException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(command(config));
        return ManagedProcess.start(config.node() + "-agent", cmd, dir, log, pids,
                LeaseAgent.class.getName() + " --node=" + config.node() + " ");
    }

    /** The agent's command line on this host: this JVM's java and {@link #classpath()}. */
    public static List<String> command(AgentConfig config) {
        return command(config, Path.of(System.getProperty("java.home"), "bin", "java").toString(), classpath());
    }

    /** The agent's command line with {@code java} and {@code classpath} as found where it runs (e.g. a remote host). */
    public static List<String> command(AgentConfig config, String java, String classpath) {
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx96m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.curator=warn",
                "-cp", classpath,
                LeaseAgent.class.getName()));
        cmd.addAll(config.toArgs());
        return cmd;
    }

    /**
     * The classpath that loaded the agent: the URLs of its class loaders when they are URL class
     * loaders (e.g. under {@code mvn exec:java}), else {@code java.class.path}; every entry absolute, as
     * the agents run in their nodes' directories ({@code java -jar cli/target/faultline.jar} works too).
     */
    public static String classpath() {
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
                entries.add(Path.of(e).toAbsolutePath().toString()); // the agent runs in the node's directory
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
