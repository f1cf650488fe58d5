package io.faultline.sut.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where an ssh run goes: the hosts' addresses in order (the nodes {@code n1..nN} first, then the
 * ZooKeeper servers {@code zk1..zkK}), and how to log in.
 *
 * @param addresses one per host, IP addresses or DNS names
 * @param user      the remote user (root, or one that may run iptables)
 * @param key       the private key; null: ssh's own defaults
 * @param port      sshd's port on every host
 */
public record SshTarget(List<String> addresses, String user, Path key, int port) {
    public SshTarget {
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(user, "user");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("--ssh-port is in 1..65535, was " + port);
    }
}
