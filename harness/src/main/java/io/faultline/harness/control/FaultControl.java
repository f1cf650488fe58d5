package io.faultline.harness.control;

import io.faultline.core.db.Db;
import io.faultline.core.net.Grudge;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.core.op.Op;
import io.faultline.harness.plan.FaultContext;
import io.faultline.harness.plan.FaultPackage;
import io.faultline.harness.plan.FaultPackages;
import io.faultline.nemesis.link.Link;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.network.PartitionNemesis;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The faults a user injects by hand into the daemon's cluster, and what is in effect now: the
 * partition, latency, paused and killed nodes. Faults go through the nemeses of the same
 * {@link FaultPackages} as {@code faultline test}: the partition nemesis's grudges (over nodes and
 * the system's extra hosts), the kill and pause nemeses (on the Db's {@link Killable} and
 * {@link Pausable} abilities; refused when it lacks them); latency on chosen links is the one fault
 * of its own ({@link LinkLatency}). One fault at a time (every method is synchronized). Requests naming an unknown
 * node, a malformed grudge or a node in the wrong state are refused with a {@link ControlRefusal}.
 * Every fault made is added to the {@link #log()}.
 */
final class FaultControl {

    private final Db db;
    private final ProxyNet net;
    private final LinkLatency linkLatency;
    private final List<String> nodes;
    private final List<String> extraHosts;
    private final FaultContext context;
    private final PartitionNemesis grudges;
    private Nemesis kills;
    private Nemesis pauses;
    private final Set<String> paused = new TreeSet<>();
    private final Set<String> dead = new TreeSet<>();
    private final FaultLog log = new FaultLog();
    private Grudge grudge;
    private String partition;
    private String latency;

    FaultControl(Db db, ProxyNet net, LinkLatency linkLatency, List<String> extraHosts) {
        this.db = db;
        this.net = net;
        this.linkLatency = linkLatency;
        this.nodes = db.nodes();
        this.extraHosts = List.copyOf(extraHosts);
        this.context = new FaultContext(net, db, extraHosts, "one", new Random());
        this.grudges = (PartitionNemesis) FaultPackages.PARTITION.make().apply(context);
    }

    /** Cuts the network as the grudge spec says (replacing any partition in effect); returns what was done. */
    synchronized String partition(String spec) throws Exception {
        Grudge g;
        try {
            g = grudges.grudge(spec);
        } catch (IllegalArgumentException e) {
            throw new ControlRefusal(e.getMessage(), e);
        }
        net.partition(g);
        grudge = g;
        partition = spec.trim();
        List<String> cut = cutLinks();
        String done = partition + (cut.isEmpty() ? " (no link cut)" : " (cut " + String.join(" ", cut) + ")");
        log.add("start-partition", done);
        return "partitioned: " + done;
    }

    /** Heals every partition and removes all latency. */
    synchronized String heal() throws Exception {
        grudges.invoke(Op.invoke(Op.NEMESIS, PartitionNemesis.STOP, null));
        net.heal();
        linkLatency.clear();
        grudge = null;
        partition = null;
        latency = null;
        log.add("heal", "every link whole and fast");
        return "healed: no link is cut or slow";
    }

    /**
     * Latency both ways on every link, or on the links between the two ends of {@code link}
     * ({@code n1-n2}, {@code n1-zk1}); replaces latency added before.
     */
    synchronized String latency(Duration mean, String link) throws IOException {
        if (mean.isNegative()) throw new ControlRefusal("latency must be >= 0, was " + mean.toMillis() + "ms");
        linkLatency.clear();
        net.fast();
        if (latency != null) log.add("stop-slow", latency);
        if (mean.isZero()) {
            latency = null;
            return "latency: removed";
        }
        if (link == null) {
            net.slow(mean, Duration.ZERO);
            latency = mean.toMillis() + "ms on every link";
        } else {
            String[] ends = link.split("-", -1);
            if (ends.length != 2 || ends[0].equals(ends[1])) {
                throw new ControlRefusal("bad link '" + link + "': expected two different ends like n1-n2 or n1-zk1");
            }
            List<String> known = new ArrayList<>(nodes);
            known.addAll(extraHosts);
            for (String end : ends) {
                if (!known.contains(end)) {
                    throw new ControlRefusal("unknown node '" + end + "' in link '" + link + "' (nodes: " + range(nodes)
                            + (extraHosts.isEmpty() ? "" : ", other hosts: " + range(extraHosts)) + ")");
                }
            }
            int count = linkLatency.apply(ends[0], ends[1], mean);
            latency = mean.toMillis() + "ms on " + link + " (" + count + " links)";
        }
        log.add("start-slow", latency);
        return "latency: " + latency;
    }

    synchronized String kill(String node) throws Exception {
        requireNode(node);
        nemesis(FaultPackages.KILL).invoke(Op.invoke(Op.NEMESIS, "kill", List.of(node)));
        paused.remove(node);
        dead.add(node);
        log.add("kill", node);
        return "killed " + node;
    }

    synchronized String restart(String node) throws Exception {
        requireNode(node);
        Nemesis k = nemesis(FaultPackages.KILL);
        k.invoke(Op.invoke(Op.NEMESIS, "kill", List.of(node)));
        paused.remove(node);
        k.invoke(Op.invoke(Op.NEMESIS, "start", List.of(node)));
        dead.remove(node);
        log.add("start", node);
        return "restarted " + node;
    }

    synchronized String pause(String node) throws Exception {
        requireNode(node);
        if (paused.contains(node)) throw new ControlRefusal(node + " is already paused: resume it with 'faultline fault resume " + node + "'");
        requireRunning(node, "pause");
        nemesis(FaultPackages.PAUSE).invoke(Op.invoke(Op.NEMESIS, "pause", List.of(node)));
        paused.add(node);
        log.add("pause", node);
        return "paused " + node;
    }

    synchronized String resume(String node) throws Exception {
        requireNode(node);
        if (!paused.contains(node)) throw new ControlRefusal(node + " is not paused");
        nemesis(FaultPackages.PAUSE).invoke(Op.invoke(Op.NEMESIS, "resume", List.of(node)));
        paused.remove(node);
        log.add("resume", node);
        return "resumed " + node;
    }

    /** {@code running}, {@code paused} or {@code dead}. */
    synchronized String state(String node) {
        if (dead.contains(node)) return "dead";
        return paused.contains(node) ? "paused" : "running";
    }

    /** The faults made so far. */
    FaultLog log() {
        return log;
    }

    synchronized String partitionInEffect() {
        return partition;
    }

    synchronized String latencyInEffect() {
        return latency;
    }

    /** The links the partition cuts, as sorted {@code a-b} pairs. */
    synchronized List<String> cutLinks() {
        if (grudge == null) return List.of();
        Set<String> pairs = new TreeSet<>((x, y) -> x.length() != y.length() ? x.length() - y.length() : x.compareTo(y));
        for (Link link : net.linksCutBy(grudge)) {
            if (link.fromClient()) continue;
            String a = link.from();
            String b = link.to();
            pairs.add(extraHosts.contains(b) || (a.compareTo(b) < 0 && !extraHosts.contains(a)) ? a + "-" + b : b + "-" + a);
        }
        return List.copyOf(pairs);
    }

    /** @throws ControlRefusal naming the node and the known ones */
    void requireNode(String node) {
        if (node == null || !nodes.contains(node)) {
            throw new ControlRefusal("unknown node '" + node + "' (nodes: " + range(nodes) + ")");
        }
    }

    /** The kill or pause package's nemesis, made on first use; refused when the Db lacks the ability. */
    private Nemesis nemesis(FaultPackage p) {
        if (p == FaultPackages.KILL && !(db instanceof Killable) || p == FaultPackages.PAUSE && !(db instanceof Pausable)) {
            throw new ControlRefusal("cannot " + p.name() + ": this system's nodes cannot be " + (p == FaultPackages.KILL
                    ? "killed (its Db is not Killable)" : "paused (its Db is not Pausable)"));
        }
        if (p == FaultPackages.KILL) {
            if (kills == null) kills = p.make().apply(context);
            return kills;
        }
        if (pauses == null) pauses = p.make().apply(context);
        return pauses;
    }

    private void requireRunning(String node, String action) {
        if (dead.contains(node)) {
            throw new ControlRefusal("cannot " + action + " " + node + ": it is dead (restart it with 'faultline fault restart "
                    + node + "')");
        }
    }

    static String range(List<String> names) {
        return names.size() <= 2 ? String.join(", ", names) : names.get(0) + ".." + names.get(names.size() - 1);
    }
}
