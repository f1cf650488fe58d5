package io.faultline.nemesis.packet;

import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.hosts.packet.PacketFaults;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's {@link Net} as packets on a run's hosts ({@link PacketFaults}: network namespaces in a netns
 * run, hosts over SSH in an ssh run): a {@link Grudge} becomes, on each host, {@code DROP} rules for the addresses of the hosts it is cut from (both directions, as the
 * grudge's contract says: a host drops what comes from every host it is cut from); heal empties those
 * chains; {@link #flaky} drops each received packet with the probability (iptables' {@code statistic}
 * match). Each method returns when the rules are in place in every namespace; a partition logs after
 * how many ms, and after how many the first namespace (the one with the most rules) had them. Delays
 * need the {@code netem} qdisc, which this kernel lacks: {@link #slow} is refused, naming the runtime that can.
 */
public final class PacketNet implements Net {
    private static final Logger LOG = LoggerFactory.getLogger(PacketNet.class);
    private final String runtime;
    private final Supplier<? extends PacketFaults> network;
    /** Whether a rate limit may be in place (so that fast and heal remove it; tc costs a process per host). */
    private volatile boolean limited;

    /**
     * @param runtime the runtime's name, for log lines and refusals ({@code netns}, {@code ssh})
     * @param network the run's packet faults, asked at each fault (they exist once the Db is set up)
     */
    public PacketNet(String runtime, Supplier<? extends PacketFaults> network) {
        this.runtime = runtime;
        this.network = network;
    }

    /** Why latency is refused on {@code runtime}, naming the runtime that can make it. */
    public static String noDelays(String runtime) {
        return "the " + runtime + " runtime cannot delay packets (it would need the netem qdisc, which this "
                + "kernel lacks): latency needs --runtime local (the fault proxy delays the links)";
    }

    /**
     * The faults of the vocabulary these packets cannot make, for a Db's {@code HasNet.cannot}: latency
     * ({@link #noDelays}); every other fault they make.
     */
    public Optional<String> cannot(NetFault fault) {
        return fault == NetFault.SLOW ? Optional.of(noDelays(runtime)) : Optional.empty();
    }

    @Override
    public void partition(Grudge grudge) {
        long start = System.nanoTime();
        PacketFaults n = network.get();
        PacketFaults.Applied applied = n.cut(dropFrom(grudge, n.hosts()));
        LOG.info("{}: partition {} in effect {} ms after its op (first of {} changed hosts after {} ms)", runtime, grudge,
                (System.nanoTime() - start) / 1_000_000, applied.hosts(), applied.firstMs());
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
        PacketFaults n = network.get();
        n.heal();
        n.loss(0);
        unlimit(n);
        LOG.info("{}: healed on every host {} ms after its op", runtime, (System.nanoTime() - start) / 1_000_000);
    }

    /** @throws UnsupportedOperationException always: {@link #noDelays} */
    @Override
    public void slow(Duration mean, Duration jitter) {
        throw new UnsupportedOperationException(noDelays(runtime));
    }

    @Override
    public void flaky(double probability) {
        network.get().loss(probability);
    }

    @Override
    public void fast() {
        PacketFaults n = network.get();
        n.loss(0);
        unlimit(n);
    }

    /** A token bucket ({@code tc tbf}) on what every host sends. */
    @Override
    public void bandwidth(long kbitPerSecond) {
        limited = true;
        network.get().rate(kbitPerSecond);
    }

    private void unlimit(PacketFaults n) {
        if (limited) {
            n.unlimited();
            limited = false;
        }
    }
}
