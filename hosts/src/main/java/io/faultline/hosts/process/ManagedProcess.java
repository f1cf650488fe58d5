package io.faultline.hosts.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One OS process we started, with its pid recorded in a {@link PidDirectory} until it is gone.
 * Thread-safe. The process's stdin stays open (a pipe we never write to), so a child that reads
 * stdin until EOF notices when this JVM dies.
 */
public final class ManagedProcess implements HostProcess {
    private final String name;
    private final Process process;
    private final PidDirectory pids;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, PidDirectory pids, Path pidFile) {
        this.name = name;
        this.process = process;
        this.pids = pids;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command}, appending stdout and stderr to {@code log}, and records it in
     * {@code pids} with {@code fingerprint}: a string its {@code /proc/PID/cmdline} will contain for
     * as long as it runs (the sweep kills a recorded pid only if that still matches).
     *
     * @throws IOException if the process cannot be started (e.g. the binary is missing or not executable)
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Path log,
                                       PidDirectory pids, String fingerprint) throws IOException {
        Objects.requireNonNull(name, "name");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = pb.start();
        Path pidFile;
        try {
            pidFile = pids.record(name, process.toHandle(), fingerprint);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new ManagedProcess(name, process, pids, pidFile);
    }

    @Override
    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is reaped. */
    @Override
    public void kill() {
        if (process.isAlive()) {
            Signal.KILL.sendTo(process.pid());
        }
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGSTOP: the process freezes, its sockets stay open. */
    @Override
    public void pause() {
        Signal.STOP.sendTo(process.pid());
    }

    /** SIGCONT. */
    @Override
    public void resume() {
        Signal.CONT.sendTo(process.pid());
    }

    /**
     * Graceful stop: SIGCONT (in case it is paused) and SIGTERM, then SIGKILL if it has not exited
     * within {@code grace}. Idempotent.
     */
    @Override
    public void stop(Duration grace) {
        if (process.isAlive()) {
            Signal.CONT.sendTo(process.pid());
            Signal.TERM.sendTo(process.pid());
            if (!waitFor(grace)) {
                Signal.KILL.sendTo(process.pid());
            }
        }
        awaitExit(Duration.ofSeconds(10));
    }

    /** Closes the child's stdin (a child that watches stdin then exits on its own). */
    public void closeStdin() {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        } catch (IOException ignored) {
            // already closed or the child is gone: either way stdin is closed
        }
    }

    /** Waits up to {@code timeout} for the process to exit; true if it has. */
    @Override
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Exit code, if it has exited. */
    @Override
    public java.util.OptionalInt exitCode() {
        return process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    private void awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") did not exit within " + timeout);
        }
        pids.forget(pidFile);
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + ")";
    }
}
