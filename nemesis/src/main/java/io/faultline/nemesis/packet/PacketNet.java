package io.faultline.nemesis.packet;

import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import io.faultline.hosts.netns.NetnsNetwork;
import io.faultline.hosts.netns.PacketFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's {@link Net} as packets in a netns run: a {@link Grudge} becomes, in each host's
 * namespace, {@code DROP} rules for the addresses of the hosts it is cut from (both directions, as the
 * grudge's contract says: a host drops what comes from every host it is cut from); heal empties those
 * chains; {@link #flaky} drops each received packet with the probability (iptables' {@code statistic}
 * match). Each method returns when the rules are in place in every namespace; a partition logs after
 * how many ms, and after how many the first namespace (the one with the most rules) had them. Delays
 * need the {@code netem} qdisc, which this kernel lacks: {@link #slow} is refused.
 */
public final class PacketNet implements Net {
    private static final Logger LOG = LoggerFactory.getLogger(PacketNet.class);
    /** Why latency is refused, naming the runtime that can make it. */
    public static final String NO_DELAYS = "the netns runtime cannot delay packets (it would need the netem qdisc, which this "
            + "kernel lacks): latency needs --runtime local (the fault proxy delays the links)";

    private final Supplier<NetnsNetwork> network;

    /** @param network the run's network, asked at each fault (it exists once the Db is set up) */
    public PacketNet(Supplier<NetnsNetwork> network) {
        this.network = network;
    }

    @Override
    public void partition(Grudge grudge) {
        long start = System.nanoTime();
        NetnsNetwork n = network.get();
        PacketFilter.Applied applied = n.filter().cut(dropFrom(grudge, n.hosts()));
        LOG.info("netns: partition {} in effect {} ms after its op (first of {} changed namespaces after {} ms)", grudge,
                (System.nanoTime() - start) / 1_000_000, applied.namespaces(), applied.firstMs());
    }

    /** For each host, the hosts whose packets it drops: every host the grudge cuts it from, either way. */
    static Map<String, Set<String>> dropFrom(Grudge grudge, Iterable<String> hosts) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String a : hosts) {
            Set<String> from = new TreeSet<>();
            for (String b : hosts) {
                if (!a.equals(b) && grudge.cuts(a, b)) from.add(b);
            }
            if (!from.isEmpty()) out.put(a, from);
        }
        return out;
    }

    @Override
    public void heal() {
        long start = System.nanoTime();
        NetnsNetwork n = network.get();
        n.filter().heal();
        n.filter().loss(0);
        LOG.info("netns: healed in every namespace {} ms after its op", (System.nanoTime() - start) / 1_000_000);
    }

    /** @throws UnsupportedOperationException always: {@link #NO_DELAYS} */
    @Override
    public void slow(Duration mean, Duration jitter) {
        throw new UnsupportedOperationException(NO_DELAYS);
    }

    @Override
    public void flaky(double probability) {
        network.get().filter().loss(probability);
    }

    @Override
    public void fast() {
        network.get().filter().loss(0);
    }
}
