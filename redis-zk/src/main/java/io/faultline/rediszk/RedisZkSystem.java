package io.faultline.rediszk;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ReadMode;
import io.faultline.sut.client.Replication;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.LocalCluster;
import io.faultline.sut.lease.OnLeaseLoss;
import io.faultline.workloads.Workloads;
import io.faultline.workloads.set.SetWorkload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * {@code redis-zk}, the bundled system under test and the default of {@code faultline test}: Redis
 * replica groups whose masters hold ZooKeeper leases, keys sharded over the groups, clients that
 * route and {@code WAIT}. Its options are the cluster's size and safety knobs; its extra hosts the
 * ZooKeeper servers {@code zk1..zkK}; runtimes {@code local} (processes), {@code docker}
 * (containers), {@code netns} (processes in network namespaces of their own, faults as packets) and
 * {@code ssh} (processes on hosts reached over SSH, faults as packets there); workloads {@code register}, {@code set} and {@code counter}.
 */
public final class RedisZkSystem implements TestSystem {

    /** The client adapter of each workload: how its ops run on the sharded Redis client. */
    private static final Map<String, RedisClient.Commands> COMMANDS = Map.of("register", RedisCommands::register,
            "set", RedisCommands::set, "counter", RedisCommands::counter);

    @Override
    public String name() {
        return "redis-zk";
    }

    @Override
    public String description() {
        return "the bundled system: Redis replica groups whose masters hold ZooKeeper leases, keys sharded by consistent hashing";
    }

    @Override
    public List<SystemOption> options() {
        List<SystemOption> options = new java.util.ArrayList<>(List.of(
                SystemOption.integer("nodes", 5, 2, "Redis nodes"),
                SystemOption.integer("groups", 1, 1, "replica groups"),
                SystemOption.integer("zookeepers", 3, 1, "ZooKeeper servers"),
                SystemOption.millis("session-timeout", 3000, 1, "lease (ZooKeeper session) timeout in ms"),
                SystemOption.choice("replication", List.of("sync", "async"), "async, or sync (WAIT for every replica)"),
                SystemOption.choice("on-lease-loss", List.of("demote", "keep"), "keep, or demote (stop serving at once)"),
                SystemOption.choice("reads", List.of("plain", "fenced"),
                        "plain, or fenced (a read is OK only once every replica acknowledged a write made after it)"),
                SystemOption.path("redis-binary", "the redis-server to run (default: PATH, else the embedded one)"),
                SystemOption.text("netns-range", AddressRange.DEFAULT,
                        "--runtime netns: the IPv4 range of its private bridge (the harness takes the first address)")));
        options.addAll(SshRuntime.options());
        return options;
    }

    @Override
    public void validate(SystemOptions o) {
        if (o.integer("groups") > o.integer("nodes")) {
            throw new IllegalArgumentException("--groups must be in 1..--nodes, was " + o.integer("groups"));
        }
        AddressRange range = netnsRange(o);
        int hosts = o.integer("nodes") + o.integer("zookeepers");
        if (hosts > range.capacity()) {
            throw new IllegalArgumentException("--netns-range " + range + " has room for " + range.capacity() + " hosts, not "
                    + hosts + " (nodes and ZooKeeper servers)");
        }
    }

    @Override
    public List<String> runtimes() {
        return List.of("local", "docker", "netns", "ssh");
    }

    /** Every shared workload ({@link Workloads#NAMES}), each with its Redis client adapter. */
    @Override
    public List<String> workloads() {
        return Workloads.NAMES;
    }

    /** The ZooKeeper servers, {@code zk1..zkK}. */
    @Override
    public List<String> extraHosts(SystemOptions o) {
        return IntStream.rangeClosed(1, o.integer("zookeepers")).mapToObj(i -> "zk" + i).toList();
    }

    @Override
    public String proxyHost(String runtime) {
        if (runtime.equals("netns")) NetnsRuntime.check(); // no proxy on its links, but the check belongs before anything starts
        if (runtime.equals("ssh")) SshRuntime.check();
        return runtime.equals("docker") ? DockerRuntime.proxyListenHost() : "127.0.0.1";
    }

    @Override
    public Db db(SystemOptions o, String runtime, LinkRouter links) {
        ClusterSpec.Builder cluster = ClusterSpec.builder().nodes(o.integer("nodes")).groups(o.integer("groups"))
                .zookeepers(o.integer("zookeepers")).sessionTimeout(o.millis("session-timeout"))
                .replication(Replication.parse(o.string("replication"))).onLeaseLoss(OnLeaseLoss.parse(o.string("on-lease-loss")));
        if (o.path("redis-binary") != null) cluster.redisBinary(o.path("redis-binary"));
        ClusterSpec spec = cluster.build();
        if (runtime.equals("netns")) return NetnsRedisDb.of(spec, netnsRange(o));
        if (runtime.equals("ssh")) return SshRedisDb.of(spec, SshRuntime.target(o));
        RedisDb.ClusterFactory factory = runtime.equals("docker") ? r -> DockerRuntime.cluster(spec, r)
                : r -> LocalCluster.create(spec, r);
        return RedisDb.of(factory, sutRouter(links), o.integer("nodes"));
    }

    @Override
    public Db attach(SystemOptions o, Map<String, String> attachment, LinkRouter clientLinks) {
        return AttachedRedis.of(o.integer("nodes"), attachment, Replication.parse(o.string("replication")), clientLinks);
    }

    @Override
    public Workload workload(String name, SystemOptions o, Db db) {
        if (!(db instanceof ClientSource source)) {
            throw new IllegalArgumentException("system redis-zk runs its workloads on its own Db, not on " + db);
        }
        ReadMode reads = ReadMode.parse(o.string("reads"));
        Supplier<ClientConfig> config = () -> source.clientConfig().clientId("client").reads(reads).build();
        RedisClient.Commands commands = COMMANDS.get(name);
        if (commands == null) {
            throw new IllegalArgumentException("system redis-zk has no workload '" + name + "' (its workloads: "
                    + String.join(", ", workloads()) + ")");
        }
        // the set's elements are spread over SET_KEYS Redis sets, or over --keys (Workloads.withKeys)
        RedisClient client = name.equals("set") ? RedisClient.prototype(config, RedisCommands::set, SetWorkload.SET_KEYS)
                : RedisClient.prototype(config, commands);
        return Workloads.create(name, client);
    }

    /** {@code sync-demote}, {@code async-keep-fenced-reads}. */
    @Override
    public String label(SystemOptions o) {
        return o.string("replication") + "-" + o.string("on-lease-loss")
                + (o.string("reads").equals("plain") ? "" : "-" + o.string("reads") + "-reads");
    }

    @Override
    public Map<String, Object> describe(SystemOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", o.integer("nodes"));
        m.put("groups", o.integer("groups"));
        m.put("zookeepers", o.integer("zookeepers"));
        m.put("session-timeout-ms", o.millis("session-timeout").toMillis());
        m.put("replication", o.string("replication"));
        m.put("on-lease-loss", o.string("on-lease-loss"));
        m.put("reads", o.string("reads"));
        if (o.path("redis-binary") != null) m.put("redis-binary", o.string("redis-binary"));
        if (!o.string("netns-range").equals(AddressRange.DEFAULT)) m.put("netns-range", o.string("netns-range"));
        if (!o.string("hosts").isEmpty()) m.put("hosts", o.string("hosts"));
        if (o.path("hosts-file") != null) m.put("hosts-file", o.string("hosts-file"));
        return m;
    }

    /** {@code --netns-range}, parsed. */
    static AddressRange netnsRange(SystemOptions o) {
        try {
            return AddressRange.parse(o.string("netns-range"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--netns-range: " + e.getMessage(), e);
        }
    }

    /** The harness's router as the system-under-test's own. */
    static io.faultline.sut.link.LinkRouter sutRouter(LinkRouter links) {
        return (from, to, kind, target) -> links.route(from, to, kind.name(), target);
    }

    /** An enum constant in lower case, as the options spell it. */
    static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
