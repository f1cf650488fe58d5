package io.faultline.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
}
