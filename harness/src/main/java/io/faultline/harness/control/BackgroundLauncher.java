package io.faultline.harness.control;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code faultline cluster up} without {@code --foreground}: starts the daemon as a detached JVM
 * ({@code java -cp <this classpath> io.faultline.harness.cli.Faultline cluster up --foreground ...},
 * in a session of its own where {@code setsid} exists, output appended to the state directory's
 * {@code cluster.log}) and waits, up to a deadline, until its state file says it is ready.
 */
public final class BackgroundLauncher {

    static final String MAIN_CLASS = "io.faultline.harness.cli.Faultline";
    private static final Duration POLL = Duration.ofMillis(100);

    private BackgroundLauncher() {
    }

    /**
     * Launches the daemon and waits for it.
     *
     * @return the running daemon's state
     * @throws ControlRefusal when a cluster already runs with this state file, when the daemon refused
     *                        its options or could not start the cluster (the message is its last
     *                        line, the log has the rest), or when it was not ready by the deadline
     *                        (it is then stopped)
     */
    public static ClusterState launch(DaemonOptions options, StateFile stateFile, Duration deadline, PrintStream log) {
        ForegroundDaemon.refuseIfRunning(stateFile, log);
        Process process;
        try {
            Files.createDirectories(stateFile.directory());
            Files.deleteIfExists(stateFile.log());
            ProcessBuilder pb = new ProcessBuilder(command(options, stateFile))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stateFile.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the cluster daemon: " + e.getMessage(), e);
        }
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            Optional<ClusterState> state = readQuietly(stateFile);
            if (state.isPresent() && state.get().pid() == process.pid()) return state.get();
            if (!process.isAlive()) {
                String last = lastLine(stateFile.log());
                String message = "the cluster daemon exited with code " + process.exitValue() + ": " + last
                        + " (log: " + stateFile.log() + ")";
                if (process.exitValue() == 254) throw new ControlRefusal(message);
                throw new IllegalStateException(message);
            }
            try {
                process.waitFor(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster daemon; stopped it", e);
            }
        }
        process.destroy();
        throw new ControlRefusal("the cluster was not ready within " + deadline.toSeconds() + " s (last: "
                + lastLine(stateFile.log()) + "); stopped it. See " + stateFile.log() + ", or allow more with --start-timeout");
    }

    static List<String> command(DaemonOptions options, StateFile stateFile) {
        List<String> cmd = new ArrayList<>();
        for (String dir : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(dir))) {
                cmd.add(dir);
                break;
            }
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), MAIN_CLASS, "cluster", "up", "--foreground",
                "--state", stateFile.directory().toString()));
        cmd.addAll(options.toArgs());
        return cmd;
    }

    private static Optional<ClusterState> readQuietly(StateFile stateFile) {
        try {
            return stateFile.read();
        } catch (ControlRefusal halfWritten) {
            return Optional.empty();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("faultline: ")) return lines.get(i).substring("faultline: ".length());
            }
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
