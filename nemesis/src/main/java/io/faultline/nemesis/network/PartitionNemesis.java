package io.faultline.nemesis.network;

import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.nemesis.grudge.GrudgeSpec;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.process.Target;
import io.faultline.nemesis.process.Targets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Network partitions over a {@link Net}: {@code start-partition} and {@code stop-partition}.
 *
 * <p>The value of {@code start-partition} names the grudge: {@code null} (random halves),
 * {@code one} (isolate a random node), {@code primaries} (isolate the current primaries),
 * {@code zk-one} (cut a random node from the extra hosts), or any {@link GrudgeSpec} ({@code halves},
 * {@code random-halves}, {@code majorities-ring}, {@code bridge}, {@code isolate n1},
 * {@code zk n1}, {@code n1,n2|n3,n4,n5}, {@code n1,zk1|n2,n3,zk2}). The completion's value is the
 * grudge as a map of node to the nodes it cannot hear. {@code stop-partition} heals the partition
 * (not latency or loss) and completes with {@code network-healed}.
 *
 * <p>The system's extra hosts (for {@code redis-zk} the ZooKeeper servers {@code zk1..zkN}) are hosts of their own:
 * <ul>
 *   <li>Isolating grudges ({@code one}, {@code primaries}, {@code isolate n1}) cut the isolated
 *       nodes from the other nodes <em>and</em> from every extra host, as when a host's
 *       network is gone. An isolated primary then loses its session and its lease, and another
 *       node takes over.</li>
 *   <li>Grudges that split the nodes ({@code null}, {@code halves}, {@code random-halves},
 *       {@code majorities-ring}, {@code bridge}, {@code n1,n2|n3,n4,n5}) leave every extra
 *       server reachable from every side, unless an explicit spec names servers in its components.</li>
 *   <li>{@code zk-one} and {@code zk n1} cut a node from the extra hosts only.</li>
 * </ul>
 *
 * <p>Used from the single nemesis thread; teardown heals the whole network.
 */
public final class PartitionNemesis implements Nemesis {

    public static final String START = "start-partition";
    public static final String STOP = "stop-partition";

    private final Net net;
    private final List<String> nodes;
    private final List<String> extraHosts;
    private final HasPrimaries primaries;
    private final Random random;

    private PartitionNemesis(Net net, Collection<String> nodes, Collection<String> extraHosts,
                             HasPrimaries primaries, Random random) {
        this.net = Objects.requireNonNull(net, "net");
        this.nodes = List.copyOf(new TreeSet<>(nodes));
        this.extraHosts = List.copyOf(new TreeSet<>(extraHosts));
        this.primaries = primaries;
        this.random = Objects.requireNonNull(random, "random");
        if (this.nodes.size() < 2) throw new IllegalArgumentException("partitions need at least 2 nodes, got " + this.nodes);
    }

    /**
     * @param extraHosts the system's hosts beside the nodes (for {@code redis-zk} the ZooKeeper
     *                   servers {@code zk1..zk3}), cut by the isolating grudges and by {@code zk-one}; may be empty
     * @param primaries        may be null when the system cannot name its primaries
     */
    public static PartitionNemesis over(Net net, Collection<String> nodes, Collection<String> extraHosts,
                                        HasPrimaries primaries, Random random) {
        return new PartitionNemesis(net, nodes, extraHosts, primaries, random);
    }

    @Override
    public Set<String> fs() {
        return Set.of(START, STOP);
    }

    @Override
    public Op invoke(Op op) throws Exception {
        switch (op.f()) {
            case START -> {
                Grudge grudge = grudge(op.value());
                net.partition(grudge);
                return op.complete(OpType.INFO, Grudges.toValue(grudge));
            }
            case STOP -> {
                net.partition(Grudge.none());
                return op.complete(OpType.INFO, "network-healed");
            }
            default -> throw new IllegalArgumentException("the partition nemesis handles " + fs() + ", not " + op.f());
        }
    }

    /** The grudge an op value names (see the class comment). */
    public Grudge grudge(Object value) throws Exception {
        if (value == null) return Grudges.randomHalves(nodes, random);
        if (!(value instanceof String spec)) {
            throw new IllegalArgumentException("bad " + START + " value " + value + " (expected a grudge name or spec)");
        }
        return switch (spec.trim()) {
            case "one" -> Grudges.isolateWithHosts(
                    Set.of(Targets.select(Target.ONE, nodes, Set.of(), random).get(0)), nodes, extraHosts);
            case "primaries" -> {
                if (primaries == null) throw new IllegalArgumentException("primaries needs a system that names its primaries");
                Set<String> current = new TreeSet<>(primaries.primaries());
                current.retainAll(nodes);
                yield Grudges.isolateWithHosts(current, nodes, extraHosts);
            }
            case "zk-one" -> Grudges.cutFromHosts(
                    Targets.select(Target.ONE, nodes, Set.of(), random).get(0), extraHosts);
            default -> GrudgeSpec.parse(spec, nodes, extraHosts, random);
        };
    }

    @Override
    public void teardown() throws Exception {
        net.heal();
    }
}
