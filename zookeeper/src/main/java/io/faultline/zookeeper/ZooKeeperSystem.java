package io.faultline.zookeeper;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.netnsdb.NetnsOptions;
import io.faultline.workloads.Workloads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code zookeeper}: an ensemble of real Apache ZooKeeper servers ({@code org.apache.zookeeper:zookeeper}
 * 3.9, {@code QuorumPeerMain}), one JVM per node, each in its own network namespace (runtime
 * {@code netns} only), driven by the plain ZooKeeper client, each client connected to one server.
 * Workloads {@code register} (znodes) and {@code set} (a child znode per element); {@code --reads plain}
 * (the server's own copy: ZooKeeper's documented sequential consistency) or {@code sync} (sync, then
 * read). See docs/zookeeper.md.
 */
public final class ZooKeeperSystem implements TestSystem {
    private static final List<String> WORKLOADS = List.of("register", "set");

    @Override
    public String name() {
        return "zookeeper";
    }

    @Override
    public String description() {
        return "Apache ZooKeeper " + org.apache.zookeeper.Version.getFullVersion().split("[- ]")[0]
                + " servers (QuorumPeerMain, one JVM per node) on network namespaces, each client bound to one server";
    }

    @Override
    public List<SystemOption> options() {
        List<SystemOption> o = new ArrayList<>(NetnsOptions.common(3, 60_000));
        o.add(SystemOption.choice("reads", List.of("plain", "sync"),
                "plain (the connected server's copy, maybe stale), or sync (sync, then read)"));
        o.add(SystemOption.millis("tick-time", 500, 10, "the servers' tickTime in ms"));
        o.add(SystemOption.integer("sync-limit", 5, 1, "ticks a follower may lag or be cut from the leader before it leaves the quorum"));
        o.add(SystemOption.millis("session-timeout", 4000, 1, "the clients' session timeout in ms (2..20 ticks)"));
        return o;
    }

    @Override
    public void validate(SystemOptions o) {
        NetnsOptions.validate(o);
        long tick = o.millis("tick-time").toMillis();
        long session = o.millis("session-timeout").toMillis();
        if (session < 2 * tick || session > 20 * tick) {
            throw new IllegalArgumentException("--session-timeout must be within 2..20 ticks (" + 2 * tick + ".." + 20 * tick
                    + " ms for --tick-time " + tick + "), was " + session);
        }
    }

    @Override
    public List<String> runtimes() {
        return List.of(NetnsOptions.RUNTIME);
    }

    @Override
    public List<String> workloads() {
        return WORKLOADS;
    }

    /** Checks the machine (root, ip, iptables) before anything starts; there are no proxies. */
    @Override
    public String proxyHost(String runtime) {
        NetnsOptions.checkMachine(name());
        return "127.0.0.1";
    }

    @Override
    public Db db(SystemOptions o, String runtime, LinkRouter links) {
        return new ZkDb(NetnsOptions.nodes(o), NetnsOptions.range(o), o.millis("tick-time"), o.integer("sync-limit"),
                NetnsOptions.startTimeout(o));
    }

    @Override
    public Workload workload(String name, SystemOptions o, Db db) {
        if (!(db instanceof ZkDb zk)) throw new IllegalArgumentException("system zookeeper runs its workloads on its own Db, not on " + db);
        ZkClient.Kind kind = switch (name) {
            case "register" -> ZkClient.Kind.REGISTER;
            case "set" -> ZkClient.Kind.SET;
            default -> throw new IllegalArgumentException("system zookeeper has no workload '" + name + "' (its workloads: "
                    + String.join(", ", WORKLOADS) + ")");
        };
        Duration session = o.millis("session-timeout");
        return Workloads.create(name, ZkClient.prototype(zk, kind, o.string("reads").equals("sync"), session));
    }

    /** {@code plain-reads}, {@code sync-reads}. */
    @Override
    public String label(SystemOptions o) {
        return o.string("reads") + "-reads";
    }
}
