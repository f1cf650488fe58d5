package io.faultline.nemesis.bench;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes a benchmark starts (redis-server, redis-benchmark, the reference forwarder): each
 * is stopped by {@link #stop}, and whatever is still running when the JVM exits, also on Ctrl-C,
 * is killed by a shutdown hook. Thread-safe.
 */
final class ChildProcesses {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "bench-child-processes"));
    }

    private ChildProcesses() {
    }

    /**
     * Starts a process and tracks it until {@link #stop}.
     *
     * @throws IOException naming the command when it cannot be started
     */
    static Process start(ProcessBuilder builder) throws IOException {
        try {
            Process process = builder.start();
            RUNNING.add(process);
            return process;
        } catch (IOException e) {
            throw new IOException("cannot start " + String.join(" ", builder.command()) + ": " + e.getMessage(), e);
        }
    }

    /** Asks the process to end (SIGTERM), kills it after 5 s, and waits for it. */
    static void stop(Process process) throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } finally {
            RUNNING.remove(process);
        }
    }
}
