package io.faultline.hosts.netns;

import io.faultline.hosts.packet.OnEachHost;
import io.faultline.hosts.packet.PacketFaults;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The packet-level faults of a netns run, each applied in every host's namespace at once (one thread
 * per namespace) and in effect when the method returns: partitions as {@code DROP} rules by source
 * address in the receiving host's {@link IpCommands#CUT} chain, random loss in its
 * {@link IpCommands#LOSS} chain (iptables' {@code statistic} match), and a rate limit on what each host
 * sends ({@code tc tbf}). Each call replaces what the previous call of its kind did; a namespace whose
 * rules would not change is not touched, so a partition costs one {@code iptables-restore} per host it
 * changes. The commands run in a long-lived shell per namespace ({@link NamespaceShell}, opened at the
 * network, closed with it), so a change costs one process per namespace. Calls are
 * serialized (synchronized).
 */
public final class PacketFilter implements PacketFaults {
    private final IpCommands ip;
    private final Map<String, String> addresses;
    /** What each namespace's chains hold now (by chain), as last restored. */
    private final Map<String, String> cutNow = new HashMap<>();
    private final Map<String, String> lossNow = new HashMap<>();
    /** One long-lived shell per namespace, opened at the first fault. */
    private final Map<String, NamespaceShell> shells = new HashMap<>();
    private boolean closed;

    @Override
    public List<String> hosts() {
        return List.copyOf(addresses.keySet());
    }

    PacketFilter(IpCommands ip, Map<String, String> addresses) {
        this.ip = ip;
        this.addresses = addresses;
    }

    /**
     * Makes each host drop every packet from the hosts {@code cannotHear} names for it, and heals every
     * other host.
     *
     * @param cannotHear host to the hosts whose packets it drops; hosts not named hear everyone
     * @throws IllegalArgumentException naming an unknown host
     * @throws NetnsException           naming the command that failed
     */
    @Override
    public synchronized Applied cut(Map<String, Set<String>> cannotHear) {
        cannotHear.forEach((h, others) -> {
            requireHost(h);
            others.forEach(this::requireHost);
        });
        Map<String, String> rules = new HashMap<>();
        for (String host : addresses.keySet()) {
            Set<String> from = new TreeSet<>();
            cannotHear.getOrDefault(host, Set.of()).forEach(o -> from.add(addresses.get(o)));
            rules.put(host, IpCommands.cut(from));
        }
        return restore(rules, cutNow);
    }

    /** Drops each packet a host receives with {@code probability} (0 removes the loss). */
    @Override
    public synchronized Applied loss(double probability) {
        String chain = IpCommands.loss(probability);
        Map<String, String> rules = new HashMap<>();
        addresses.keySet().forEach(host -> rules.put(host, chain));
        return restore(rules, lossNow);
    }

    /** Restores {@code rules} in each namespace whose chain differs from {@code now} (which it updates), the longest first. */
    private Applied restore(Map<String, String> rules, Map<String, String> now) {
        List<String> changed = addresses.keySet().stream().filter(h -> !rules.get(h).equals(now.get(h)))
                .sorted(java.util.Comparator.comparingInt((String h) -> rules.get(h).length()).reversed()).toList();
        Applied applied;
        try {
            openShells(changed);
            applied = inNamespaces(changed, host -> shells.get(host).run(IpCommands.restore(), rules.get(host)));
        } catch (RuntimeException e) {
            now.clear(); // unknown now: every namespace is restored next time
            throw e;
        }
        changed.forEach(h -> now.put(h, rules.get(h)));
        return applied;
    }

    /** Limits what each host sends to {@code kbitPerSecond}. */
    @Override
    public synchronized void rate(long kbitPerSecond) {
        List<String> tbf = IpCommands.rate(kbitPerSecond);
        openShells(addresses.keySet());
        inNamespaces(addresses.keySet(), host -> shells.get(host).run(tbf, null));
    }

    /** Removes every rate limit. */
    @Override
    public synchronized void unlimited() {
        openShells(addresses.keySet());
        inNamespaces(addresses.keySet(), host -> {
            try {
                shells.get(host).run(IpCommands.unlimited(), null);
            } catch (NetnsException noLimitThere) {
                // tc refuses to delete a qdisc that is not there: nothing to remove
            }
        });
    }

    /** Opens every namespace's shell now, so that the first fault does not wait for them. */
    synchronized void open() {
        openShells(addresses.keySet());
    }

    /** Opens the shells of {@code hosts} that are not open (or died). */
    private void openShells(java.util.Collection<String> hosts) {
        if (closed) throw new IllegalStateException("the packet filter is closed");
        for (String host : hosts) {
            NamespaceShell shell = shells.get(host);
            if (shell == null || !shell.isAlive()) {
                if (shell != null) shell.close();
                shells.put(host, NamespaceShell.open(ip, host));
            }
        }
    }

    /** Closes the namespaces' shells; the filter refuses faults afterwards. */
    synchronized void close() {
        closed = true;
        shells.values().forEach(NamespaceShell::close);
        shells.clear();
    }

    private void requireHost(String host) {
        if (!addresses.containsKey(host)) {
            throw new IllegalArgumentException("no netns host '" + host + "', have " + addresses.keySet());
        }
    }

    /** Runs {@code action} in each namespace at once ({@link OnEachHost}). */
    private static Applied inNamespaces(java.util.Collection<String> hosts, Consumer<String> action) {
        return OnEachHost.run(hosts, "faultline-netns-", action,
                () -> new NetnsException("interrupted while changing the packet filters"));
    }
}
