package io.faultline.nemesis.bench;

import io.faultline.core.net.Grudge;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsHosts;
import io.faultline.hosts.netns.NetnsRequirements;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.packet.PacketNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long a partition and a heal take to be in effect on the netns runtime: the hosts of a default
 * {@code redis-zk} run ({@code n1..n5}, {@code zk1..zk3}) as real namespaces, and the network nemesis's
 * own path ({@link PacketNet} over the namespaces' packet filters), which returns once the rules are in
 * place in every namespace. Each round applies one grudge (halves, one node isolated, majorities ring,
 * the primaries with the ZooKeeper servers cut from a node, in turn) and then heals, timing both.
 * Prints each round, then the median, 90th percentile and maximum of each, and a {@code RESULT} line
 * against the target: a partition in effect within 100 ms of its op.
 *
 * <p>Run: {@code faultline bench netns [ROUNDS (20)] [RANGE (10.213.200.0/28)]}; needs root, {@code ip} and
 * {@code iptables} (else one line and exit 254). Everything it makes is removed at the end.
 */
public final class PacketPartitionBenchmark {
    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final List<String> EXTRA = List.of("zk1", "zk2", "zk3");
    private static final double TARGET_MS = 100;

    private PacketPartitionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        AddressRange range = AddressRange.parse(args.length > 1 ? args[1] : "10.213.200.0/28");
        if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, was " + rounds);
        var missing = NetnsRequirements.missing();
        if (missing.isPresent()) {
            System.err.println("faultline bench netns: the netns runtime " + missing.get());
            System.exit(254);
        }
        List<String> hosts = new ArrayList<>(NODES);
        hosts.addAll(EXTRA);
        Path dir = Files.createTempDirectory("faultline-bench-netns-");
        double[] cut = new double[rounds];
        double[] heal = new double[rounds];
        try (NetnsHosts netns = NetnsHosts.create(range, hosts, dir)) {
            PacketNet net = new PacketNet("netns", () -> netns.network().filter());
            Random random = new Random(1);
            for (int r = 0; r < rounds; r++) {
                Grudge grudge = grudge(r, random);
                long t0 = System.nanoTime();
                net.partition(grudge);
                cut[r] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                net.heal();
                heal[r] = (System.nanoTime() - t1) / 1e6;
                System.out.printf(Locale.ROOT, "round %d (%s): partition in effect after %.1f ms, healed after %.1f ms%n",
                        r + 1, kind(r), cut[r], heal[r]);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf(Locale.ROOT, "netns packet partitions over %d hosts, %d rounds: partition median %.1f ms, p90 %.1f ms, "
                        + "max %.1f ms; heal median %.1f ms, p90 %.1f ms, max %.1f ms (%d cores)%n", hosts.size(), rounds,
                quantile(cut, 0.5), quantile(cut, 0.9), max(cut), quantile(heal, 0.5), quantile(heal, 0.9), max(heal),
                Runtime.getRuntime().availableProcessors());
        long within = Arrays.stream(cut).filter(ms -> ms <= TARGET_MS).count();
        System.out.printf(Locale.ROOT, "RESULT target: a partition in effect within %.0f ms of its op: %d of %d rounds (%s at the median)%n",
                TARGET_MS, within, rounds, quantile(cut, 0.5) <= TARGET_MS ? "met" : "NOT met");
        System.exit(0);
    }

    private static String kind(int round) {
        return switch (round % 4) {
            case 0 -> "halves";
            case 1 -> "isolate one";
            case 2 -> "majorities ring";
            default -> "one node cut from the ZooKeeper servers";
        };
    }

    private static Grudge grudge(int round, Random random) {
        return switch (round % 4) {
            case 0 -> Grudges.halves(NODES);
            case 1 -> Grudges.isolate(NODES.get(random.nextInt(NODES.size())), NODES);
            case 2 -> Grudges.majoritiesRing(NODES, random);
            default -> Grudges.cutFromHosts(NODES.get(random.nextInt(NODES.size())), EXTRA);
        };
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
