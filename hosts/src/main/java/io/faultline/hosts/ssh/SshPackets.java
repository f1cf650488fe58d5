package io.faultline.hosts.ssh;

import io.faultline.hosts.netns.IpCommands;
import io.faultline.hosts.packet.OnEachHost;
import io.faultline.hosts.packet.PacketFaults;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The packet faults of an ssh run: on each host, two chains of Faultline's own ({@link IpCommands#CUT},
 * {@link IpCommands#LOSS}) jumped to from {@code INPUT}, replaced with {@code iptables-restore --noflush}
 * over each host's long-lived ssh shell (the same rule text as the netns runtime's: a partition drops by source address; loss by the
 * {@code statistic} match, on every interface but loopback). Only hosts whose rules change are touched,
 * all at once (a thread per host). {@link #install} first removes what a previous run left;
 * {@link #remove} deletes the chains and their jumps. Bandwidth limits are refused (tc needs the host's
 * interface, which a remote host names as it likes): the netns runtime makes them. Calls are serialized.
 */
public final class SshPackets implements PacketFaults {
    /** Why a rate limit is refused. */
    public static final String NO_RATE = "the ssh runtime cannot limit bandwidth (tc needs each host's interface): "
            + "bandwidth needs --runtime netns (tbf in each namespace)";
    private static final String REMOVE = "for c in " + IpCommands.CUT + " " + IpCommands.LOSS + "; do "
            + "while iptables -w -D INPUT -j $c 2>/dev/null; do :; done; iptables -w -F $c 2>/dev/null; iptables -w -X $c 2>/dev/null; done; true";

    private final Map<String, SshHost> hosts;
    private final Map<String, String> cutNow = new HashMap<>();
    private final Map<String, String> lossNow = new HashMap<>();

    /** @param hosts host name to host, in address order */
    public SshPackets(Map<String, SshHost> hosts) {
        this.hosts = new LinkedHashMap<>(hosts);
    }

    /** Removes a previous run's chains on every host, then creates empty ones. */
    public synchronized void install() {
        parallel(hosts.keySet(), h -> hosts.get(h).exec(REMOVE + "; iptables-restore --wait --noflush", IpCommands.chains()));
        cutNow.clear();
        lossNow.clear();
    }

    /** Deletes the chains and their jumps on every host (what a host refuses is ignored). */
    public synchronized void remove() {
        parallel(hosts.keySet(), h -> hosts.get(h).exec(REMOVE, null));
        cutNow.clear();
        lossNow.clear();
    }

    @Override
    public List<String> hosts() {
        return List.copyOf(hosts.keySet());
    }

    @Override
    public synchronized Applied cut(Map<String, Set<String>> cannotHear) {
        cannotHear.forEach((h, others) -> {
            requireHost(h);
            others.forEach(this::requireHost);
        });
        Map<String, String> rules = new HashMap<>();
        for (String host : hosts.keySet()) {
            Set<String> from = new TreeSet<>();
            cannotHear.getOrDefault(host, Set.of()).forEach(o -> from.add(hosts.get(o).address()));
            rules.put(host, IpCommands.cut(from));
        }
        return restore(rules, cutNow);
    }

    @Override
    public synchronized Applied loss(double probability) {
        String text = IpCommands.loss(probability, "! -i lo"); // every interface but loopback: a host has its own
        Map<String, String> rules = new HashMap<>();
        hosts.keySet().forEach(h -> rules.put(h, text));
        return restore(rules, lossNow);
    }

    /** @throws UnsupportedOperationException always: {@link #NO_RATE} */
    @Override
    public void rate(long kbitPerSecond) {
        throw new UnsupportedOperationException(NO_RATE);
    }

    /** Nothing: no limit is ever set. */
    @Override
    public void unlimited() {
    }

    private Applied restore(Map<String, String> rules, Map<String, String> now) {
        List<String> changed = hosts.keySet().stream().filter(h -> !rules.get(h).equals(now.get(h)))
                .sorted(Comparator.comparingInt((String h) -> rules.get(h).length()).reversed()).toList();
        Applied applied;
        try {
            applied = parallel(changed, h -> hosts.get(h).exec("iptables-restore --wait --noflush", rules.get(h)));
        } catch (RuntimeException e) {
            now.clear();
            throw e;
        }
        changed.forEach(h -> now.put(h, rules.get(h)));
        return applied;
    }

    private void requireHost(String host) {
        if (!hosts.containsKey(host)) throw new IllegalArgumentException("no ssh host '" + host + "', have " + hosts.keySet());
    }

    /** Runs {@code action} on each host at once ({@link OnEachHost}). */
    private static Applied parallel(Collection<String> names, Consumer<String> action) {
        return OnEachHost.run(names, "faultline-ssh-", action,
                () -> new SshException("interrupted while changing the hosts' packet filters"));
    }
}
