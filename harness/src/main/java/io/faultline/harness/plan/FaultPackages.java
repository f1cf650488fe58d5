package io.faultline.harness.plan;

import io.faultline.core.generator.FaultKind;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.nemesis.compose.ComposedNemesis;
import io.faultline.nemesis.network.LinkNemesis;
import io.faultline.nemesis.network.PartitionNemesis;
import io.faultline.nemesis.process.ProcessNemesis;
import io.faultline.nemesis.process.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault vocabulary: every {@link FaultPackage} by name. {@code partition} cuts links by a grudge
 * (nodes and the system's extra hosts); {@code zk} cuts one node from the extra hosts only (for
 * {@code redis-zk}, from ZooKeeper); {@code kill} and {@code pause} need a Db that is
 * {@link Killable} / {@link Pausable}; {@code latency}, {@code flaky} and {@code bandwidth} slow, drop
 * or throttle traffic on every link (bandwidth: 1000 kbit/s). The network faults act on the context's {@link io.faultline.core.net.Net}: the fault proxies, or
 * the packet filters of a Db that is {@link HasNet}, which may refuse a fault it cannot make (one line
 * naming a runtime that can).
 */
public final class FaultPackages {

    public static final FaultPackage PARTITION = new FaultPackage("partition", "partition", PartitionNemesis.START,
            PartitionNemesis.STOP, "partition", null, FaultPackages::partitionNemesis, o -> FaultKind.partition(o.partition()));
    public static final FaultPackage ZK = new FaultPackage("zk", "partition", PartitionNemesis.START, PartitionNemesis.STOP,
            "partition", "extra hosts (TestSystem.extraHosts)", FaultPackages::partitionNemesis,
            o -> FaultKind.of("zk", PartitionNemesis.START, "zk-one", PartitionNemesis.STOP, null));
    public static final FaultPackage KILL = new FaultPackage("kill", "kill", "kill", "start", "kill", "Killable",
            c -> ProcessNemesis.kill(ability(c, Killable.class, "kill"), c.db().nodes(), primaries(c), Target.parse(c.target()),
                    c.random()),
            o -> FaultKind.of("kill", "kill", o.target(), "start", null));
    public static final FaultPackage PAUSE = new FaultPackage("pause", "pause", "pause", "resume", "pause", "Pausable",
            c -> ProcessNemesis.pause(ability(c, Pausable.class, "pause"), c.db().nodes(), primaries(c), Target.parse(c.target()),
                    c.random()),
            o -> FaultKind.of("pause", "pause", o.target(), "resume", null));
    public static final FaultPackage LATENCY = new FaultPackage("latency", "latency", "start-slow", "stop-slow", "slow", null,
            c -> LinkNemesis.latency(c.net(), Duration.ofMillis(100), Duration.ofMillis(50)),
            o -> FaultKind.of("latency", "start-slow", null, "stop-slow", null));
    public static final FaultPackage FLAKY = new FaultPackage("flaky", "flaky", "start-flaky", "stop-flaky", "flaky", null,
            c -> LinkNemesis.flaky(c.net(), 0.2), o -> FaultKind.of("flaky", "start-flaky", null, "stop-flaky", null));
    /** What {@code bandwidth} limits every link (or host) to, in kbit/s. */
    public static final long BANDWIDTH_KBIT = 1000;
    public static final FaultPackage BANDWIDTH = new FaultPackage("bandwidth", "bandwidth", "start-bandwidth", "stop-bandwidth",
            "bandwidth", null, c -> LinkNemesis.bandwidth(c.net(), BANDWIDTH_KBIT),
            o -> FaultKind.of("bandwidth", "start-bandwidth", null, "stop-bandwidth", null));

    private static final Map<String, FaultPackage> BY_NAME = new LinkedHashMap<>();

    static {
        for (FaultPackage p : List.of(PARTITION, KILL, PAUSE, LATENCY, FLAKY, BANDWIDTH, ZK)) BY_NAME.put(p.name(), p);
    }

    /** The names, as {@code --nemesis} takes them. */
    public static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private FaultPackages() {
    }

    /** Every package, in {@link #NAMES} order. */
    public static List<FaultPackage> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** @throws IllegalArgumentException naming the known ones */
    public static FaultPackage get(String name) {
        FaultPackage p = BY_NAME.get(name);
        if (p == null) throw new IllegalArgumentException("--nemesis must be one of " + String.join(", ", NAMES) + ", was '" + name + "'");
        return p;
    }

    /** The packages of these names. */
    public static List<FaultPackage> of(List<String> names) {
        return names.stream().map(FaultPackages::get).toList();
    }

    /**
     * One nemesis for the packages: each package's nemesis made once.
     *
     * @throws IllegalArgumentException when the system lacks what a package needs
     */
    public static Nemesis nemesis(List<FaultPackage> packages, FaultContext context) {
        Map<String, Nemesis> made = new LinkedHashMap<>();
        for (FaultPackage p : packages) {
            if (context.db() instanceof HasNet own) {
                netFault(p).flatMap(own::cannot).ifPresent(why -> {
                    throw new IllegalArgumentException("--nemesis " + p.name() + ": " + why);
                });
            }
            if (p == ZK && context.extraHosts().isEmpty()) {
                throw new IllegalArgumentException("--nemesis zk cuts a node from the system's extra hosts, and this system has none");
            }
            made.computeIfAbsent(p.nemesis(), n -> p.make().apply(context));
        }
        return ComposedNemesis.compose(new ArrayList<>(made.values()));
    }

    /** What {@code test.json} records of the packages: one entry per distinct start/stop pair. */
    public static List<Map<String, Object>> describe(List<FaultPackage> packages) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (FaultPackage p : packages) out.putIfAbsent(p.startF() + " " + p.stopF(), p.describe());
        return List.copyOf(out.values());
    }

    /** The network fault a package makes, if it is one: what a {@link HasNet} Db may be unable to do. */
    static Optional<NetFault> netFault(FaultPackage p) {
        if (p == PARTITION || p == ZK) return Optional.of(NetFault.PARTITION);
        if (p == LATENCY) return Optional.of(NetFault.SLOW);
        if (p == FLAKY) return Optional.of(NetFault.FLAKY);
        if (p == BANDWIDTH) return Optional.of(NetFault.BANDWIDTH);
        return Optional.empty();
    }

    private static Nemesis partitionNemesis(FaultContext c) {
        return PartitionNemesis.over(c.net(), c.db().nodes(), c.extraHosts(), primaries(c), c.random());
    }

    private static HasPrimaries primaries(FaultContext c) {
        return c.db() instanceof HasPrimaries p ? p : null;
    }

    private static <T> T ability(FaultContext c, Class<T> ability, String fault) {
        if (!ability.isInstance(c.db())) {
            throw new IllegalArgumentException("--nemesis " + fault + " needs a system whose Db is " + ability.getSimpleName()
                    + "; this one is not");
        }
        return ability.cast(c.db());
    }
}
