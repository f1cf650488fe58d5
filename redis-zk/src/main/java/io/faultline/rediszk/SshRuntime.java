package io.faultline.rediszk;

import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.hosts.ssh.SshRequirements;
import io.faultline.sut.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code --runtime ssh} and what it needs of this machine. The hosts come from
 * {@code --hosts a,b,c} or {@code --hosts-file FILE} (one address per line; blank lines and {@code #}
 * comments skipped), the nodes first, then the ZooKeeper servers.
 */
final class SshRuntime {
    private SshRuntime() {
    }

    /** The options it adds to the system's. */
    static List<SystemOption> options() {
        return List.of(
                SystemOption.text("hosts", "", "--runtime ssh: the hosts' addresses, comma-separated: n1..nN, then zk1..zkK"),
                SystemOption.path("hosts-file", "--runtime ssh: the hosts' addresses, one a line (instead of --hosts)"),
                SystemOption.text("ssh-user", "root", "--runtime ssh: the remote user (may run iptables)"),
                SystemOption.path("ssh-key", "--runtime ssh: the private key (default: ssh's own)"),
                SystemOption.integer("ssh-port", 22, 1, "--runtime ssh: sshd's port on every host"));
    }

    /** @throws IllegalArgumentException one line, e.g. {@code --runtime ssh needs the OpenSSH client (ssh) on the PATH ...} */
    static void check() {
        SshRequirements.missing().ifPresent(reason -> {
            throw new IllegalArgumentException("--runtime ssh " + reason + "; runtimes that work without it: local, docker, netns");
        });
    }

    /**
     * Where the run goes, checked: one address per node and ZooKeeper server, a readable key.
     *
     * @throws IllegalArgumentException one line naming the option and what to do
     */
    static SshTarget target(SystemOptions o) {
        List<String> addresses = addresses(o);
        int needed = o.integer("nodes") + o.integer("zookeepers");
        if (addresses.size() != needed) {
            throw new IllegalArgumentException("--runtime ssh needs one host per node and ZooKeeper server, " + needed
                    + " (--nodes " + o.integer("nodes") + " + --zookeepers " + o.integer("zookeepers") + "), in --hosts or --hosts-file; got "
                    + addresses.size());
        }
        Path key = o.path("ssh-key");
        if (key != null && !Files.isReadable(key)) {
            throw new IllegalArgumentException("--ssh-key " + key + " is not a readable file");
        }
        return new SshTarget(addresses, o.string("ssh-user"), key, o.integer("ssh-port"));
    }

    private static List<String> addresses(SystemOptions o) {
        Path file = o.path("hosts-file");
        String list = o.string("hosts");
        if (file != null && !list.isEmpty()) throw new IllegalArgumentException("give --hosts or --hosts-file, not both");
        List<String> out = new ArrayList<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String l = line.replaceAll("#.*", "").strip();
                    if (!l.isEmpty()) out.add(l);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--hosts-file " + file + " cannot be read: " + e.getMessage());
            }
        } else {
            Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
