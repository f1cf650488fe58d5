package io.faultline.hosts.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the hosts of one run with the OpenSSH client: user, private key, port, and the run's own
 * files: a {@code known_hosts} (host keys accepted on first use, {@code StrictHostKeyChecking=accept-new})
 * and a directory for the connection-sharing sockets ({@code ControlMaster}: one TCP connection and
 * handshake per host, each later command a new session on it, a few ms). Never asks anything
 * ({@code BatchMode}): a host that wants a password fails in one line.
 *
 * @param user       the remote user (root, or one that may run iptables and kill the run's processes)
 * @param key        the private key file; null: ssh's own defaults ({@code ~/.ssh/id_*}, the agent)
 * @param port       sshd's port on every host
 * @param knownHosts the run's known_hosts file
 * @param controlDir where the sockets go; keep its path short (a socket path has at most 107 bytes)
 */
public record SshConfig(String user, Path key, int port, Path knownHosts, Path controlDir) {
    public SshConfig {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(controlDir, "controlDir");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("an ssh port is in 1..65535, was " + port);
    }

    /** {@code ssh} with every option, ending with {@code user@address}; a remote command follows. */
    public List<String> ssh(String address) {
        List<String> cmd = new ArrayList<>(List.of("ssh",
                "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=accept-new",
                "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "ConnectTimeout=10",
                "-o", "ServerAliveInterval=5",
                "-o", "ControlMaster=auto",
                "-o", "ControlPath=" + controlDir.resolve("%C"),
                "-o", "ControlPersist=60",
                "-o", "LogLevel=ERROR",
                "-p", Integer.toString(port)));
        if (key != null) cmd.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes"));
        cmd.add(user + "@" + address);
        return cmd;
    }

    /** {@code ssh ... user@address -- script}: the remote user's shell runs {@code script}. */
    public List<String> exec(String address, String script) {
        List<String> cmd = new ArrayList<>(ssh(address));
        cmd.add("--");
        cmd.add(script);
        return cmd;
    }

    /** Ends the shared connection to {@code address} ({@code ssh -O exit}). */
    public List<String> exitMaster(String address) {
        List<String> cmd = new ArrayList<>(ssh(address));
        cmd.add(cmd.size() - 1, "-O");
        cmd.add(cmd.size() - 1, "exit");
        return cmd;
    }

    /** {@code word} single-quoted for a POSIX shell. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words single-quoted and joined by spaces: one command line for a remote shell. */
    public static String quote(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
