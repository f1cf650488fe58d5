package io.faultline.hosts.ssh;

import io.faultline.hosts.process.HostProcess;
import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A daemon on a remote host, run in the foreground of one ssh session: the remote shell writes its pid
 * to {@code <remoteDir>/<name>.pid} and {@code exec}s the command, whose stdout and stderr come back over
 * the session into a local log file (so its log is in the run directory as it is written). The local
 * {@code ssh} client lives exactly as long as the remote process: {@link #isAlive()} asks it. Signals go
 * by the pid file ({@code kill -9}, {@code -STOP}, {@code -CONT}, {@code -TERM} over ssh). The remote
 * process's stdin is the session: a daemon that reads it to EOF (the lease agent, the ZooKeeper server)
 * exits when this JVM dies. Thread-safe.
 */
public final class RemoteProcess implements HostProcess {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final SshHost host;
    private final String pidFile;
    private final ManagedProcess session;

    private RemoteProcess(String name, SshHost host, String pidFile, ManagedProcess session) {
        this.name = name;
        this.host = host;
        this.pidFile = pidFile;
        this.session = session;
    }

    /**
     * Starts {@code command} on {@code host} in {@code remoteDir} (made if missing), its output appended
     * to the local {@code log}; the local ssh client is recorded in {@code pids} (a later run kills it
     * after a crash of this JVM; the remote processes are the runtime's own sweep).
     *
     * @throws IOException if ssh cannot be started
     */
    public static RemoteProcess start(String name, SshHost host, List<String> command, String remoteDir, Path log,
                                      PidDirectory pids) throws IOException {
        String pidFile = remoteDir + "/" + name + ".pid";
        String script = "mkdir -p " + SshConfig.quote(remoteDir) + " && cd " + SshConfig.quote(remoteDir)
                + " && echo $$ > " + SshConfig.quote(pidFile) + " && exec " + SshConfig.quote(command) + " 2>&1";
        Files.createDirectories(log.toAbsolutePath().getParent());
        ManagedProcess session = ManagedProcess.start(name, host.config().exec(host.address(), script),
                log.toAbsolutePath().getParent(), log, pids, pidFile);
        return new RemoteProcess(name, host, pidFile, session);
    }

    @Override
    public String name() {
        return name;
    }

    /** The remote file holding its pid. */
    public String pidFile() {
        return pidFile;
    }

    @Override
    public boolean isAlive() {
        return session.isAlive();
    }

    /** {@code kill -9} on the host, then waits for the session to end (killing the local ssh client if it does not). */
    @Override
    public void kill() {
        if (session.isAlive()) signal("KILL");
        if (!session.waitFor(EXIT_WAIT)) session.kill();
        session.kill(); // reaps it and forgets its pid record
    }

    @Override
    public void pause() {
        signal("STOP");
    }

    @Override
    public void resume() {
        signal("CONT");
    }

    @Override
    public void stop(Duration grace) {
        if (session.isAlive()) {
            signal("CONT");
            signal("TERM");
            if (!session.waitFor(grace)) kill();
        }
        session.kill();
    }

    @Override
    public boolean waitFor(Duration timeout) {
        return session.waitFor(timeout);
    }

    @Override
    public OptionalInt exitCode() {
        return session.exitCode();
    }

    /** Sends {@code signal} to the remote process by its pid file; one that has exited is not an error. */
    private void signal(String signal) {
        host.exec("p=$(cat " + SshConfig.quote(pidFile) + " 2>/dev/null) && [ -n \"$p\" ] && kill -" + signal
                + " \"$p\" 2>/dev/null; true", null);
    }

    @Override
    public String toString() {
        return name + "@" + host;
    }
}
