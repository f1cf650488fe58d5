package io.faultline.nemesis.link;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Net} of a cluster whose links all run through the proxies of a {@link LinkTable}.
 *
 * <ul>
 *   <li>A partition cuts exactly the links between nodes the grudge sets apart, with blackhole
 *       toxics ({@code timeout} 0) both ways: open connections hang, new ones connect but get no
 *       answer, as in a real partition. Healing removes them; on the embedded proxy the held bytes
 *       then flow.</li>
 *   <li>Links from clients (names starting with {@code client}) are cut only when the client was
 *       put on a node's side ({@link #withClientSides}): then they are cut as that node's links.</li>
 *   <li>{@link #slow} adds latency toxics both ways on every link; {@link #flaky} resets each
 *       connection with the given probability; {@link #fast} removes both, keeping partitions.</li>
 * </ul>
 *
 * <p>Called from the nemesis thread; each method returns when the change is in effect on every
 * open connection. Applies only to the links routed when it is called.
 */
public final class ProxyNet implements Net {

    static final String PARTITION_UP = "partition-up";
    static final String PARTITION_DOWN = "partition-down";
    static final String SLOW_UP = "slow-up";
    static final String SLOW_DOWN = "slow-down";
    static final String FLAKY = "flaky";
    static final String BANDWIDTH_UP = "bandwidth-up";
    static final String BANDWIDTH_DOWN = "bandwidth-down";

    private final LinkTable table;
    private final Map<String, String> clientSides;
    private final Map<Link, Map<String, Toxic>> applied = new HashMap<>();

    private ProxyNet(LinkTable table, Map<String, String> clientSides) {
        this.table = table;
        this.clientSides = Map.copyOf(clientSides);
    }

    /** A net over the table; clients stay outside every partition. */
    public static ProxyNet over(LinkTable table) {
        return new ProxyNet(Objects.requireNonNull(table, "table"), Map.of());
    }

    /** This net with each given client on the side of a node (client name to node name). */
    public ProxyNet withClientSides(Map<String, String> sides) {
        return new ProxyNet(table, sides);
    }

    /** True when the grudge cuts this link, seen from the sides of its ends. */
    boolean cuts(Grudge grudge, Link link) {
        String from = clientSides.getOrDefault(link.from(), link.from());
        if (link.fromClient() && !clientSides.containsKey(link.from()) && !grudge.cannotHear().containsKey(link.from())) {
            return false;
        }
        return !from.equals(link.to()) && grudge.cuts(from, link.to());
    }

    /** The links a partition with this grudge would cut. */
    public List<Link> linksCutBy(Grudge grudge) {
        return table.links().stream().filter(link -> cuts(grudge, link)).toList();
    }

    @Override
    public synchronized void partition(Grudge grudge) throws IOException {
        Objects.requireNonNull(grudge, "grudge");
        for (Link link : table.links()) {
            if (cuts(grudge, link)) {
                add(link, PARTITION_UP, p -> p.toxics().timeout(PARTITION_UP, ToxicDirection.UPSTREAM, 0));
                add(link, PARTITION_DOWN, p -> p.toxics().timeout(PARTITION_DOWN, ToxicDirection.DOWNSTREAM, 0));
            } else {
                remove(link, Set.of(PARTITION_UP, PARTITION_DOWN));
            }
        }
    }

    @Override
    public synchronized void heal() throws IOException {
        for (Link link : table.links()) {
            remove(link, Set.of(PARTITION_UP, PARTITION_DOWN, SLOW_UP, SLOW_DOWN, FLAKY, BANDWIDTH_UP, BANDWIDTH_DOWN));
        }
    }

    @Override
    public synchronized void slow(Duration mean, Duration jitter) throws IOException {
        long meanMs = requireNonNegative(mean, "mean");
        long jitterMs = requireNonNegative(jitter, "jitter");
        for (Link link : table.links()) {
            remove(link, Set.of(SLOW_UP, SLOW_DOWN));
            add(link, SLOW_UP, p -> p.toxics().latency(SLOW_UP, ToxicDirection.UPSTREAM, meanMs).setJitter(jitterMs));
            add(link, SLOW_DOWN, p -> p.toxics().latency(SLOW_DOWN, ToxicDirection.DOWNSTREAM, meanMs).setJitter(jitterMs));
        }
    }

    @Override
    public synchronized void flaky(double probability) throws IOException {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + probability);
        }
        for (Link link : table.links()) {
            remove(link, Set.of(FLAKY));
            add(link, FLAKY, p -> {
                Toxic toxic = p.toxics().resetPeer(FLAKY, ToxicDirection.DOWNSTREAM, 0);
                toxic.setToxicity((float) probability);
                return toxic;
            });
        }
    }

    @Override
    public synchronized void fast() throws IOException {
        for (Link link : table.links()) remove(link, Set.of(SLOW_UP, SLOW_DOWN, FLAKY, BANDWIDTH_UP, BANDWIDTH_DOWN));
    }

    /** A bandwidth toxic both ways on every link: {@code kbitPerSecond} / 8 KB/s (at least 1). */
    @Override
    public synchronized void bandwidth(long kbitPerSecond) throws IOException {
        if (kbitPerSecond < 1) throw new IllegalArgumentException("a bandwidth limit is at least 1 kbit/s, was " + kbitPerSecond);
        long kbytes = Math.max(1, kbitPerSecond / 8);
        for (Link link : table.links()) {
            remove(link, Set.of(BANDWIDTH_UP, BANDWIDTH_DOWN));
            add(link, BANDWIDTH_UP, p -> p.toxics().bandwidth(BANDWIDTH_UP, ToxicDirection.UPSTREAM, kbytes));
            add(link, BANDWIDTH_DOWN, p -> p.toxics().bandwidth(BANDWIDTH_DOWN, ToxicDirection.DOWNSTREAM, kbytes));
        }
    }

    /** The links that carry a given toxic now, e.g. the cut ones; for tests and reports. */
    synchronized Set<Link> linksWith(String toxicName) {
        Set<Link> result = new java.util.LinkedHashSet<>();
        applied.forEach((link, toxics) -> {
            if (toxics.containsKey(toxicName)) result.add(link);
        });
        return result;
    }

    private interface ToxicMaker {
        Toxic make(Proxy proxy) throws IOException;
    }

    private void add(Link link, String name, ToxicMaker maker) throws IOException {
        Map<String, Toxic> toxics = applied.computeIfAbsent(link, l -> new HashMap<>());
        if (toxics.containsKey(name)) return;
        try {
            toxics.put(name, maker.make(table.proxy(link)));
        } catch (IOException e) {
            throw new IOException("cannot add toxic " + name + " to link " + describe(link) + ": " + e.getMessage(), e);
        }
    }

    private void remove(Link link, Set<String> names) throws IOException {
        Map<String, Toxic> toxics = applied.get(link);
        if (toxics == null) return;
        for (String name : new TreeSet<>(names)) {
            Toxic toxic = toxics.remove(name);
            if (toxic == null) continue;
            try {
                toxic.remove();
            } catch (IOException e) {
                if (!e.getMessage().contains("404")) {
                    throw new IOException("cannot remove toxic " + name + " from link " + describe(link) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static String describe(Link link) {
        return link.from() + "->" + link.to() + " (" + link.kind() + ")";
    }

    private static long requireNonNegative(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative()) throw new IllegalArgumentException(field + " must be >= 0, was " + duration);
        return duration.toMillis();
    }
}
