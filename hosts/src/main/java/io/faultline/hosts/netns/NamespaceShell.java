package io.faultline.hosts.netns;

import io.faultline.hosts.process.ShellSession;
import java.util.List;

/**
 * A long-lived {@code sh} inside one network namespace ({@code nsenter --net}, a {@link ShellSession}),
 * so that a fault costs one process (the command itself) instead of three (Java's spawn helper,
 * {@code nsenter}, the command). The shell exits when its stdin closes: on {@link #close()}, or when
 * the harness dies. Thread-safe (one command at a time).
 */
final class NamespaceShell implements AutoCloseable {
    private final ShellSession shell;

    private NamespaceShell(ShellSession shell) {
        this.shell = shell;
    }

    /**
     * Starts {@code sh} in {@code host}'s network namespace ({@link IpCommands#inNetwork}).
     *
     * @throws NetnsException if it cannot start
     */
    static NamespaceShell open(IpCommands ip, String host) {
        try {
            return new NamespaceShell(ShellSession.open(ip.inNetwork(host, List.of("sh")), "namespace " + ip.namespaceOf(host)));
        } catch (ShellSession.Failure e) {
            throw new NetnsException(e.getMessage(), e);
        }
    }

    /** The shell's input for one command (see {@link ShellSession#script}). */
    static String script(List<String> command, String input) {
        return ShellSession.script(command, input);
    }

    /**
     * Runs {@code command} with {@code input} (may be null) and waits for it.
     *
     * @return its output
     * @throws NetnsException naming the command, its exit code and output, or the shell's death
     */
    String run(List<String> command, String input) {
        try {
            return shell.run(command, input);
        } catch (ShellSession.Failure e) {
            throw new NetnsException(e.getMessage(), e);
        }
    }

    /** True while the shell runs. */
    boolean isAlive() {
        return shell.isAlive();
    }

    @Override
    public void close() {
        shell.close();
    }
}
