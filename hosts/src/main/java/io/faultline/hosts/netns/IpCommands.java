package io.faultline.hosts.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code ip}, {@code iptables-restore} and {@code tc} command lines of the netns runtime, built
 * without running anything (so that tests can read them). Every object is named by
 * {@link NetnsNames}; every address comes from the run's {@link AddressRange}. Nothing here touches
 * the root namespace's firewall or routes: the only root-namespace object is the control veth, whose
 * address gives the one route, to the run's own range.
 *
 * <p>Each host namespace has two chains of Faultline's own, jumped to from its {@code INPUT}:
 * {@link #CUT} (partitions: {@code DROP} by source address) and {@link #LOSS} (random loss). They are
 * replaced atomically with {@code iptables-restore --noflush}: declaring a chain empties it, other
 * chains are left alone.
 */
public final class IpCommands {
    /** The chain of partition rules. */
    public static final String CUT = "FL-CUT";
    /** The chain of packet-loss rules. */
    public static final String LOSS = "FL-LOSS";

    private final NetnsNames names;
    private final AddressRange range;

    public IpCommands(NetnsNames names, AddressRange range) {
        this.names = names;
        this.range = range;
    }

    /** The switch namespace with its bridge, and the control veth whose root end holds the bridge address. */
    public List<List<String>> createSwitch() {
        String sw = names.switchNamespace();
        return List.of(
                List.of("ip", "netns", "add", sw),
                List.of("ip", "-n", sw, "link", "set", "lo", "up"),
                List.of("ip", "-n", sw, "link", "add", NetnsNames.BRIDGE, "type", "bridge"),
                List.of("ip", "-n", sw, "link", "set", NetnsNames.BRIDGE, "up"),
                List.of("ip", "link", "add", names.controlLink(), "type", "veth", "peer", "name", names.controlPeer(), "netns", sw),
                List.of("ip", "-n", sw, "link", "set", names.controlPeer(), "master", NetnsNames.BRIDGE),
                List.of("ip", "-n", sw, "link", "set", names.controlPeer(), "up"),
                List.of("ip", "addr", "add", range.withPrefix(range.bridge()), "dev", names.controlLink()),
                List.of("ip", "link", "set", names.controlLink(), "up"));
    }

    /** {@code host}'s namespace, its veth to the bridge (named {@code eth0} inside) with {@code address}, and its chains. */
    public List<List<String>> createHost(String host, String address) {
        String sw = names.switchNamespace();
        String ns = names.namespace(host);
        String link = names.hostLink(host);
        return List.of(
                List.of("ip", "netns", "add", ns),
                List.of("ip", "-n", ns, "link", "set", "lo", "up"),
                List.of("ip", "-n", sw, "link", "add", link, "type", "veth", "peer", "name", NetnsNames.HOST_INTERFACE, "netns", ns),
                List.of("ip", "-n", sw, "link", "set", link, "master", NetnsNames.BRIDGE),
                List.of("ip", "-n", sw, "link", "set", link, "up"),
                List.of("ip", "-n", ns, "addr", "add", range.withPrefix(address), "dev", NetnsNames.HOST_INTERFACE),
                List.of("ip", "-n", ns, "link", "set", NetnsNames.HOST_INTERFACE, "up"));
    }

    /** The {@code iptables-restore --noflush} input that creates the two chains and jumps to them from INPUT (once, at creation). */
    public static String chains() {
        return "*filter\n:" + CUT + " - [0:0]\n:" + LOSS + " - [0:0]\n-A INPUT -j " + CUT + "\n-A INPUT -j " + LOSS + "\nCOMMIT\n";
    }

    /** The name of {@code host}'s namespace. */
    public String namespaceOf(String host) {
        return names.namespace(host);
    }

    /** {@code command} run inside {@code host}'s namespace. */
    public List<String> inNamespace(String host, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", names.namespace(host)));
        cmd.addAll(command);
        return cmd;
    }

    /**
     * {@code command} run with only {@code host}'s network namespace entered ({@code nsenter --net}): cheaper
     * than {@link #inNamespace} (no mount namespace, no sysfs remount), for the packet filter's shells.
     */
    public List<String> inNetwork(String host, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + names.namespace(host)));
        cmd.addAll(command);
        return cmd;
    }

    /** {@code iptables-restore --noflush} (waiting for the xtables lock), to run inside a namespace with the input of {@link #cut} or {@link #loss}. */
    public static List<String> restore() {
        return List.of("iptables-restore", "--wait", "--noflush");
    }

    /**
     * The partition chain's new content: drop every packet from {@code dropFrom} (addresses), nothing
     * else. An empty set heals the namespace.
     */
    public static String cut(Set<String> dropFrom) {
        StringBuilder sb = new StringBuilder("*filter\n:" + CUT + " - [0:0]\n");
        for (String address : new TreeSet<>(dropFrom)) {
            sb.append("-A ").append(CUT).append(" -s ").append(address).append(" -j DROP\n");
        }
        return sb.append("COMMIT\n").toString();
    }

    /**
     * The loss chain's new content: each packet arriving on the bridge dropped with {@code probability};
     * 0 removes the loss.
     */
    public static String loss(double probability) {
        return loss(probability, "-i " + NetnsNames.HOST_INTERFACE);
    }

    /**
     * The loss chain's restore input for packets that {@code interfaceMatch} selects (iptables words, e.g.
     * {@code -i eth0} in a namespace, {@code ! -i lo} on a real host).
     */
    public static String loss(double probability, String interfaceMatch) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a loss probability is in 0..1, was " + probability);
        }
        StringBuilder sb = new StringBuilder("*filter\n:" + LOSS + " - [0:0]\n");
        if (probability > 0) {
            sb.append("-A ").append(LOSS).append(' ').append(interfaceMatch)
                    .append(" -m statistic --mode random --probability ")
                    .append(String.format(Locale.ROOT, "%.4f", probability)).append(" -j DROP\n");
        }
        return sb.append("COMMIT\n").toString();
    }

    /** Limits what a namespace sends to {@code kbitPerSecond} with a token bucket ({@code tbf}). */
    public static List<String> rate(long kbitPerSecond) {
        if (kbitPerSecond < 1) {
            throw new IllegalArgumentException("a rate is at least 1 kbit/s, was " + kbitPerSecond);
        }
        return List.of("tc", "qdisc", "replace", "dev", NetnsNames.HOST_INTERFACE, "root", "tbf",
                "rate", kbitPerSecond + "kbit", "burst", "32kbit", "latency", "400ms");
    }

    /** Removes the rate limit (fails harmlessly when there is none). */
    public static List<String> unlimited() {
        return List.of("tc", "qdisc", "del", "dev", NetnsNames.HOST_INTERFACE, "root");
    }

    /** The pids of every process in a namespace, one per line. */
    public static List<String> pids(String namespace) {
        return List.of("ip", "netns", "pids", namespace);
    }

    /** Deletes a namespace (its interfaces go with it, and their veth peers). */
    public static List<String> deleteNamespace(String namespace) {
        return List.of("ip", "netns", "delete", namespace);
    }

    /** Deletes a link of the root namespace. */
    public static List<String> deleteLink(String link) {
        return List.of("ip", "link", "delete", link);
    }

    /** Every namespace's name, first word of each line. */
    public static List<String> listNamespaces() {
        return List.of("ip", "netns", "list");
    }

    /** Every root-namespace link, one per line ({@code N: name@peer: ...}). */
    public static List<String> listLinks() {
        return List.of("ip", "-o", "link", "show");
    }
}
