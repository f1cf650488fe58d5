package io.faultline.redissentinel;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsRequirements;
import io.faultline.workloads.Workloads;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.clients.jedis.DefaultJedisClientConfig;

/**
 * {@code redis-sentinel}: real Redis ({@code redis-server}) with one primary and replicas, watched by
 * Redis Sentinels ({@code redis-server --sentinel}) that fail over to a replica when a quorum of them
 * finds the primary down. Runtime {@code netns} only (Sentinels find servers and each other by
 * address, so every process gets a namespace of its own and faults are packets); extra hosts the
 * Sentinels {@code s1..sK}, so partitions cut them too; workload {@code set}.
 */
public final class RedisSentinelSystem implements TestSystem {

    /** The default range of the private bridge: every netns system's ({@link AddressRange#DEFAULT}). */
    static final String DEFAULT_RANGE = AddressRange.DEFAULT;
    /** How long setup may take before the deployment counts as not starting. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "redis-sentinel";
    }

    @Override
    public String description() {
        return "real Redis, one primary and replicas, failed over by Redis Sentinels (redis-server --sentinel); clients ask the Sentinels";
    }

    @Override
    public List<SystemOption> options() {
        return List.of(
                SystemOption.integer("nodes", 3, 2, "Redis servers (n1 the primary at start)"),
                SystemOption.integer("sentinels", 3, 1, "Sentinels, on hosts s1..sK of their own"),
                SystemOption.integer("quorum", 0, 0, "Sentinels that must agree the primary is down; 0: a majority of them"),
                SystemOption.millis("down-after", 2000, 1, "Sentinel down-after-milliseconds"),
                SystemOption.millis("failover-timeout", 5000, 1, "Sentinel failover-timeout in ms"),
                SystemOption.integer("min-replicas-to-write", 0, 0, "a primary refuses writes (NOREPLICAS) with fewer replicas acking; 0: off"),
                SystemOption.integer("min-replicas-max-lag", 10, 1, "seconds since a replica's last ack after which it does not count"),
                SystemOption.millis("client-timeout", 1000, 1, "the clients' connect and read timeout in ms"),
                SystemOption.path("redis-binary", "the redis-server to run (default: redis-server on PATH)"),
                SystemOption.text("netns-range", DEFAULT_RANGE, "the IPv4 range of the private bridge (the harness takes the first address)"));
    }

    @Override
    public void validate(SystemOptions o) {
        int sentinels = o.integer("sentinels");
        if (o.integer("quorum") > sentinels) {
            throw new IllegalArgumentException("--quorum must be in 0..--sentinels (" + sentinels + "), was " + o.integer("quorum"));
        }
        AddressRange range = range(o);
        int hosts = o.integer("nodes") + sentinels;
        if (hosts > range.capacity()) {
            throw new IllegalArgumentException("--netns-range " + range + " has room for " + range.capacity() + " hosts, not "
                    + hosts + " (nodes and Sentinels)");
        }
    }

    /** {@code netns} only. */
    @Override
    public List<String> runtimes() {
        return List.of("netns");
    }

    @Override
    public List<String> workloads() {
        return List.of("set");
    }

    /** The Sentinels, {@code s1..sK}. */
    @Override
    public List<String> extraHosts(SystemOptions o) {
        return IntStream.rangeClosed(1, o.integer("sentinels")).mapToObj(i -> "s" + i).toList();
    }

    /** @throws IllegalArgumentException when this machine cannot make namespaces (root, ip, iptables) */
    @Override
    public String proxyHost(String runtime) {
        NetnsRequirements.missing().ifPresent(reason -> {
            throw new IllegalArgumentException("system redis-sentinel runs on --runtime netns, which " + reason);
        });
        return "127.0.0.1";
    }

    @Override
    public Db db(SystemOptions o, String runtime, LinkRouter links) {
        if (!runtime.equals("netns")) {
            throw new IllegalArgumentException("system redis-sentinel runs on --runtime netns only, not " + runtime);
        }
        return new SentinelDb(topology(o), range(o), START_TIMEOUT);
    }

    @Override
    public Workload workload(String name, SystemOptions o, Db db) {
        if (!name.equals("set")) {
            throw new IllegalArgumentException("system redis-sentinel has no workload '" + name + "' (its workloads: set)");
        }
        if (!(db instanceof SentinelDb sentinels)) {
            throw new IllegalArgumentException("system redis-sentinel runs its workloads on its own Db, not on " + db);
        }
        int timeout = (int) o.millis("client-timeout").toMillis();
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout).build();
        return Workloads.create(name, new SentinelSetClient(() -> sentinels.sentinels(timeout), config));
    }

    /** {@code min-replicas-0}, {@code min-replicas-1-lag-1}: the safety setting in test names. */
    @Override
    public String label(SystemOptions o) {
        int min = o.integer("min-replicas-to-write");
        return "min-replicas-" + min + (min > 0 ? "-lag-" + o.integer("min-replicas-max-lag") : "");
    }

    @Override
    public Map<String, Object> describe(SystemOptions o) {
        Topology t = topology(o);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", t.nodes());
        m.put("sentinels", t.sentinels());
        m.put("quorum", t.quorum());
        m.put("down-after-ms", t.downAfter().toMillis());
        m.put("failover-timeout-ms", t.failoverTimeout().toMillis());
        m.put("min-replicas-to-write", t.minReplicasToWrite());
        m.put("min-replicas-max-lag", t.minReplicasMaxLag());
        m.put("client-timeout-ms", o.millis("client-timeout").toMillis());
        m.put("redis-binary", t.binary().toString());
        m.put("netns-range", o.string("netns-range"));
        return m;
    }

    static Topology topology(SystemOptions o) {
        int sentinels = o.integer("sentinels");
        int quorum = o.integer("quorum") == 0 ? sentinels / 2 + 1 : o.integer("quorum");
        return new Topology(o.integer("nodes"), sentinels, quorum, o.millis("down-after"), o.millis("failover-timeout"),
                o.integer("min-replicas-to-write"), o.integer("min-replicas-max-lag"), binary(o));
    }

    /** {@code --redis-binary}, else {@code redis-server} on PATH. */
    static Path binary(SystemOptions o) {
        if (o.path("redis-binary") != null) return o.path("redis-binary");
        return onPath("redis-server").orElseThrow(() -> new IllegalArgumentException(
                "system redis-sentinel needs redis-server on PATH: install Redis (apt-get install redis-server) or give --redis-binary FILE"));
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static AddressRange range(SystemOptions o) {
        try {
            return AddressRange.parse(o.string("netns-range"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--netns-range: " + e.getMessage(), e);
        }
    }
}
