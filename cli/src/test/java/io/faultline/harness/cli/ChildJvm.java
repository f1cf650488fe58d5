package io.faultline.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the Ctrl-C tests need to start a harness in a child JVM and to explain one that hangs. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * A prefix that gives the child SIGINT's default action. A build started in the background of a
     * non-interactive shell ignores SIGINT, its children inherit that, and a JVM that starts with SIGINT
     * ignored never runs its shutdown hooks on it: Ctrl-C would then do nothing in this test only.
     * {@code env --default-signal} (GNU coreutils 8.31+) undoes it; elsewhere the child is run as is.
     */
    static List<String> withSigintRestored() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0 ? List.of("env", "--default-signal=INT") : List.of();
        } catch (IOException noEnv) {
            return List.of();
        }
    }

    /** The child's threads, by jstack from this JDK (for the failure message of a test that hangs). */
    static String threadDump(Process process) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes());
            jstack.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /**
     * Polls the child's output every 200 ms until its first progress line (e.g. {@code [10s/300s] ok 970}),
     * the deadline, or its exit; adds to {@code seen} every descendant process seen meanwhile, as it
     * goes (so a caller's cleanup finds them even if this is interrupted).
     */
    static void awaitFirstProgressLine(Process child, Path out, Duration within, Set<ProcessHandle> seen)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!output(out).contains("] ok ") && System.nanoTime() < deadline && child.isAlive()) {
            child.descendants().forEach(seen::add);
            TimeUnit.MILLISECONDS.sleep(200);
        }
        child.descendants().forEach(seen::add);
    }

    /** What the child has printed to {@code out} so far ("" before it wrote anything). */
    static String output(Path out) throws IOException {
        return Files.exists(out) ? Files.readString(out) : "";
    }
}
