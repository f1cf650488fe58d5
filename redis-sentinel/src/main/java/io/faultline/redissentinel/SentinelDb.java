package io.faultline.redissentinel;

import io.faultline.core.db.Db;
import io.faultline.core.db.DbStartException;
import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsException;
import io.faultline.hosts.netns.NetnsHosts;
import io.faultline.nemesis.packet.PacketNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis Sentinel deployment on the netns runtime: every Redis server ({@code n1..nN}) and every
 * Sentinel ({@code s1..sK}) in a network namespace of its own ({@link NetnsHosts}), links direct, so
 * a partition (iptables, {@link PacketNet}) cuts Sentinels as well as servers. Killable and pausable by
 * signals (the Redis server of a node), primaries asked of the Sentinels (else {@code ROLE}), every
 * process's log kept with the run.
 *
 * <p>Lifecycle: {@link #setup()} starts the servers, then the Sentinels, and returns once the primary
 * has every replica online and every Sentinel knows every replica and every other Sentinel;
 * {@link #close()} kills everything, removes the namespaces and the working directory (idempotent,
 * also after a failed setup); a run killed with {@code kill -9} leaves them to the next run's sweeps
 * ({@link NetnsHosts#create}, {@link WorkDirectory#create}). Node control is thread-safe.
 */
final class SentinelDb implements Db, Killable, Pausable, HasPrimaries, HasLogs, HasNet {
    /** The name of the Redis process on a node, and of the Sentinel process on a Sentinel host. */
    static final String REDIS = "redis", SENTINEL = "sentinel";

    private final Topology topology;
    private final AddressRange range;
    private final Duration startTimeout;
    private final PacketNet net = new PacketNet("netns", () -> hosts().network().filter());
    private volatile NetnsHosts hosts;
    private volatile Path workDir;

    SentinelDb(Topology topology, AddressRange range, Duration startTimeout) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.range = Objects.requireNonNull(range, "range");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    }

    @Override
    public List<String> nodes() {
        return topology.nodeNames();
    }

    /** @throws DbStartException one line: no netns runtime here, no redis-server, or what did not become ready */
    @Override
    public synchronized void setup() throws IOException {
        if (hosts != null) throw new IllegalStateException("already set up");
        if (!Files.isExecutable(topology.binary())) {
            throw new DbStartException(topology.binary() + " is not an executable redis-server: install Redis (apt-get install "
                    + "redis-server) or give --redis-binary FILE", null);
        }
        workDir = WorkDirectory.create(Path.of(System.getProperty("java.io.tmpdir")));
        List<String> all = new ArrayList<>(topology.nodeNames());
        all.addAll(topology.sentinelNames());
        try {
            hosts = NetnsHosts.create(range, all, workDir);
        } catch (NetnsException e) {
            throw new DbStartException(e.getMessage(), e);
        }
        String first = hosts.address(topology.firstPrimary());
        for (String n : topology.nodeNames()) {
            String primary = n.equals(topology.firstPrimary()) ? null : first;
            hosts.start(n, REDIS, topology.redisCommand(hosts.address(n), primary, hosts.dir(n)));
        }
        for (String s : topology.sentinelNames()) {
            Path config = hosts.dir(s).resolve("sentinel.conf");
            Files.writeString(config, topology.sentinelConfig(hosts.address(s), first, hosts.dir(s)));
            hosts.start(s, SENTINEL, topology.sentinelCommand(config));
        }
        new Readiness(topology, this::redisAddress, this::sentinelAddress).await(startTimeout);
    }

    /** The Sentinels, for the clients and {@link #primaries()}; {@code timeoutMs} per question. */
    Sentinels sentinels(int timeoutMs) {
        Map<HostAndPort, String> byAddress = new LinkedHashMap<>();
        topology.nodeNames().forEach(n -> byAddress.put(redisAddress(n), n));
        return Sentinels.of(topology.sentinelNames().stream().map(this::sentinelAddress).toList(), byAddress, timeoutMs);
    }

    HostAndPort redisAddress(String node) {
        return new HostAndPort(hosts().address(node), Topology.REDIS_PORT);
    }

    HostAndPort sentinelAddress(String sentinel) {
        return new HostAndPort(hosts().address(sentinel), Topology.SENTINEL_PORT);
    }

    private NetnsHosts hosts() {
        NetnsHosts h = hosts;
        if (h == null) throw new IllegalStateException("the Redis Sentinel hosts are not set up");
        return h;
    }

    /** SIGKILL to the node's Redis server (a Sentinel host is not a node: partitions cut Sentinels, kills do not). */
    @Override
    public void kill(String node) {
        hosts().kill(node, REDIS);
    }

    /** Starts the node's Redis server again, as it was started first (so an old primary comes back a replica of n1's address, or a primary if it was n1): Sentinel reconfigures it. */
    @Override
    public void start(String node) throws IOException {
        if (!hosts().isRunning(node, REDIS)) hosts().restart(node, REDIS);
    }

    @Override
    public void pause(String node) {
        hosts().pause(node, REDIS);
    }

    @Override
    public void resume(String node) {
        hosts().resume(node, REDIS);
    }

    /**
     * The node the Sentinels name as primary (the first that answers, as the clients ask); when no
     * Sentinel answers, every node whose {@code ROLE} says master.
     */
    @Override
    public Set<String> primaries() {
        Optional<String> named = sentinels(1000).primaryNode();
        if (named.isPresent()) return Set.of(named.get());
        Set<String> out = new TreeSet<>();
        JedisClientConfig quick = DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(500).build();
        for (String n : nodes()) {
            try (Jedis j = new Jedis(redisAddress(n), quick)) {
                if ("master".equals(String.valueOf(j.role().get(0)))) out.add(n);
            } catch (JedisException e) {
                // unreachable: not known to be a primary
            }
        }
        return out;
    }

    /** Every process's log, by host ({@code n1/redis.log}, {@code s1/sentinel.log}), and each Sentinel's configuration as it rewrote it. */
    @Override
    public Map<String, List<Path>> logFiles() {
        Map<String, List<Path>> out = new TreeMap<>();
        NetnsHosts h = hosts;
        if (h == null) return out;
        for (Path log : h.logs()) out.computeIfAbsent(log.getParent().getFileName().toString(), k -> new ArrayList<>()).add(log);
        topology.sentinelNames().forEach(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(h.dir(s).resolve("sentinel.conf")));
        return out;
    }

    @Override
    public Net net() {
        return net;
    }

    @Override
    public Optional<String> cannot(NetFault fault) {
        return net.cannot(fault);
    }

    /** Kills every process, removes the namespaces and the working directory. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        NetnsHosts h = hosts;
        if (h != null) h.close();
        Path dir = workDir;
        workDir = null;
        if (dir != null) WorkDirectory.delete(dir);
    }
}
