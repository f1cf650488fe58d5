package io.faultline.sut.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The packet-level faults of a netns run, each applied in every host's namespace at once (one thread
 * per namespace) and in effect when the method returns: partitions as {@code DROP} rules by source
 * address in the receiving host's {@link IpCommands#CUT} chain, random loss in its
 * {@link IpCommands#LOSS} chain (iptables' {@code statistic} match), and a rate limit on what each host
 * sends ({@code tc tbf}). Each call replaces what the previous call of its kind did. Calls are
 * serialized (synchronized).
 */
public final class PacketFilter {
    private final IpCommands ip;
    private final Map<String, String> addresses;

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
    public synchronized void cut(Map<String, Set<String>> cannotHear) {
        cannotHear.forEach((h, others) -> {
            requireHost(h);
            others.forEach(this::requireHost);
        });
        inEveryNamespace(host -> {
            Set<String> from = new TreeSet<>();
            cannotHear.getOrDefault(host, Set.of()).forEach(o -> from.add(addresses.get(o)));
            Shell.check(ip.inNamespace(host, IpCommands.restore()), IpCommands.cut(from));
        });
    }

    /** Heals every partition. */
    public void heal() {
        cut(Map.of());
    }

    /** Drops each packet a host receives with {@code probability} (0 removes the loss). */
    public synchronized void loss(double probability) {
        String rules = IpCommands.loss(probability);
        inEveryNamespace(host -> Shell.check(ip.inNamespace(host, IpCommands.restore()), rules));
    }

    /** Limits what each host sends to {@code kbitPerSecond}. */
    public synchronized void rate(long kbitPerSecond) {
        List<String> tbf = IpCommands.rate(kbitPerSecond);
        inEveryNamespace(host -> Shell.check(ip.inNamespace(host, tbf), null));
    }

    /** Removes every rate limit. */
    public synchronized void unlimited() {
        inEveryNamespace(host -> Shell.run(ip.inNamespace(host, IpCommands.unlimited()), null));
    }

    private void requireHost(String host) {
        if (!addresses.containsKey(host)) {
            throw new IllegalArgumentException("no netns host '" + host + "', have " + addresses.keySet());
        }
    }

    private void inEveryNamespace(Consumer<String> action) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (String host : addresses.keySet()) {
            Thread t = new Thread(() -> {
                try {
                    action.accept(host);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "faultline-netns-" + host);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetnsException("interrupted while changing the packet filters");
            }
        }
        if (failure.get() != null) throw failure.get();
    }
}
