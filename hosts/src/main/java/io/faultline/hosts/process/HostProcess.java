package io.faultline.hosts.process;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * A process a runtime started on one of its hosts, signalled by name: on this machine
 * ({@link ManagedProcess}) or on a remote host ({@code io.faultline.hosts.ssh.RemoteProcess}).
 * Implementations are thread-safe.
 */
public interface HostProcess {
    /** What the runtime calls it, e.g. {@code n1-redis}. */
    String name();

    /** True while it runs (a paused process counts as running). */
    boolean isAlive();

    /** SIGKILL, then waits until it is gone. */
    void kill();

    /** SIGSTOP: it freezes, its sockets stay open. */
    void pause();

    /** SIGCONT. */
    void resume();

    /** SIGCONT and SIGTERM, SIGKILL if it has not exited within {@code grace}; idempotent. */
    void stop(Duration grace);

    /** Waits up to {@code timeout} for it to exit; true if it has. */
    boolean waitFor(Duration timeout);

    /** Its exit code once it has exited (on a remote host: the remote shell's). */
    OptionalInt exitCode();
}
