package io.faultline.sut.client;

import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.ring.HashRing;
import java.net.ConnectException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The client of the system under test: routes each key to its group on a {@link HashRing}, finds
 * the group's master through ZooKeeper, and runs the operation there, reporting
 * {@link Outcome OK, FAIL or INFO} (never throwing for those). Thread-safe; one instance can
 * serve many threads (a connection pool per node). Open with {@link #connect}, close once.
 */
public final class ShardedClient implements AutoCloseable {
    private static final String CAS_SCRIPT = """
            local cur = redis.call('GET', KEYS[1])
            if ARGV[1] == '1' then
              if cur then return 0 end
            elseif cur ~= ARGV[2] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[3])
            return 1""";

    private final ClientConfig config;
    private final CuratorFramework curator;
    private final MasterDirectory masters;
    private final HashRing ring;
    private final Map<String, Integer> replicasPerGroup;
    private final NodePools pools;

    private ShardedClient(ClientConfig config, CuratorFramework curator, Map<String, List<String>> layout) {
        this.config = config;
        this.curator = curator;
        this.masters = new MasterDirectory(curator);
        this.ring = HashRing.of(layout.keySet(), config.virtualNodes(), config.probes());
        this.replicasPerGroup = new ConcurrentHashMap<>();
        layout.forEach((g, members) -> replicasPerGroup.put(g, Math.max(0, members.size() - 1)));
        this.pools = new NodePools(config);
    }

    /**
     * Connects to ZooKeeper and reads the cluster layout.
     *
     * @throws IllegalStateException if ZooKeeper is unreachable within 10 s or holds no layout
     */
    public static ShardedClient connect(ClientConfig config) {
        CuratorFramework curator = CuratorFrameworkFactory.builder().connectString(config.zookeeper())
                .sessionTimeoutMs(5000).connectionTimeoutMs(1000).retryPolicy(new RetryNTimes(1, 50))
                .ensembleTracker(false).build();
        curator.start();
        try {
            if (!curator.blockUntilConnected(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ZooKeeper at " + config.zookeeper() + " not reachable within 10s: is the cluster up?");
            }
            Map<String, List<String>> layout = LeaseStatus.using(curator).layout();
            if (layout.isEmpty()) {
                throw new IllegalStateException("no groups in ZooKeeper at " + config.zookeeper() + ": is the cluster started?");
            }
            return new ShardedClient(config, curator, layout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            curator.close();
            throw new IllegalStateException("interrupted while connecting to " + config.zookeeper(), e);
        } catch (Exception e) {
            curator.close();
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("cannot read the cluster layout: " + e, e);
        }
    }

    public ClientConfig config() {
        return config;
    }

    public HashRing ring() {
        return ring;
    }

    /** The group that owns {@code key}. */
    public String groupFor(String key) {
        return ring.groupFor(key);
    }

    /** GET; OK(null) when the key is absent. */
    public Outcome<String> read(String key) {
        return run(key, false, j -> j.get(key));
    }

    /** SET. */
    public Outcome<Void> write(String key, String value) {
        return run(key, true, j -> {
            j.set(key, value);
            return null;
        });
    }

    /**
     * Atomically sets {@code key} to {@code next} if it holds {@code expected} ({@code null}: if it
     * is absent). A mismatch is FAIL with error {@link Outcome#CAS_MISMATCH}.
     */
    public Outcome<Void> compareAndSet(String key, String expected, String next) {
        Outcome<Long> swapped = run(key, true, j -> (Long) j.eval(CAS_SCRIPT, 1, key,
                expected == null ? "1" : "0", expected == null ? "" : expected, next), r -> r == 1L);
        if (swapped.isOk() && swapped.value() == 0L) {
            return Outcome.fail(Outcome.CAS_MISMATCH);
        }
        return swapped.isOk() ? Outcome.ok(null) : new Outcome<>(swapped.kind(), null, swapped.error());
    }

    /** SADD; OK whether or not the element was already there. */
    public Outcome<Void> addToSet(String key, String element) {
        return run(key, true, j -> {
            j.sadd(key, element);
            return null;
        });
    }

    /** SMEMBERS; OK(empty set) when the key is absent. */
    public Outcome<Set<String>> readSet(String key) {
        return run(key, false, j -> Set.copyOf(new LinkedHashSet<>(j.smembers(key))));
    }

    /** INCRBY; OK(the new total). */
    public Outcome<Long> increment(String key, long delta) {
        return run(key, true, j -> j.incrBy(key, delta));
    }

    /** GET as a number; OK(0) when the key is absent. */
    public Outcome<Long> readCounter(String key) {
        return run(key, false, j -> {
            String v = j.get(key);
            return v == null ? 0L : Long.parseLong(v);
        });
    }

    private <T> Outcome<T> run(String key, boolean mutating, Function<Jedis, T> command) {
        return run(key, mutating, command, r -> true);
    }

    /**
     * Runs {@code command} on the master of {@code key}'s group; with sync replication, WAITs
     * after a mutating command for which {@code effective} says something was written.
     */
    private <T> Outcome<T> run(String key, boolean mutating, Function<Jedis, T> command, Function<T, Boolean> effective) {
        String group = ring.groupFor(key);
        Lease master;
        try {
            master = masters.masterOf(group);
        } catch (IllegalStateException e) {
            return Outcome.fail("no master known for " + group + ": " + e.getMessage());
        }
        if (master == null) {
            return Outcome.fail("no master known for " + group + ": nobody holds its lease");
        }
        Jedis jedis;
        try {
            jedis = pools.pool(master.node(), master.redisAddress()).getResource();
        } catch (RuntimeException e) {
            masters.invalidate(group);
            return Outcome.fail("cannot connect to " + master.node() + " (master of " + group + "): " + rootMessage(e));
        }
        boolean sent = false;
        boolean executed = false;
        try (jedis) {
            sent = true;
            T value = command.apply(jedis);
            executed = true;
            int replicas = replicasPerGroup.get(group);
            if (!mutating && config.reads() == ReadMode.FENCED) {
                return readBarrier(jedis, replicas) ? Outcome.ok(value) : Outcome.fail(
                        "read-barrier: fewer than " + replicas + " replicas of " + group + " acknowledged within "
                                + config.waitTimeout().toMillis() + "ms (from " + master.node() + ")");
            }
            if (mutating && config.replication() == Replication.SYNC && replicas > 0 && effective.apply(value)) {
                long acked = jedis.waitReplicas(replicas, config.waitTimeout().toMillis());
                if (acked < replicas) {
                    return Outcome.info("WAIT: " + acked + " of " + replicas + " replicas of " + group
                            + " acknowledged within " + config.waitTimeout().toMillis() + "ms");
                }
            }
            return Outcome.ok(value);
        } catch (JedisDataException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (isRoleError(message)) {
                masters.invalidate(group);
            }
            if (executed && !mutating) {
                return Outcome.fail("read-barrier-refused: " + message + " (from " + master.node() + ")");
            }
            if (executed) {
                // the write ran; the error is WAIT's (e.g. UNBLOCKED when the master is demoted): unknown
                return Outcome.info("WAIT failed after the write ran: " + message + " (from " + master.node() + ")");
            }
            // An error reply to the command itself: Redis did not execute it (our only script writes last).
            return Outcome.fail(message + " (from " + master.node() + ")");
        } catch (JedisConnectionException e) {
            masters.invalidate(group);
            pools.discardIdle(master.node());
            String why = "connection to " + master.node() + " failed: " + rootMessage(e);
            boolean certainlyNotSent = !sent || rootCause(e) instanceof ConnectException;
            return certainlyNotSent || !mutating ? Outcome.fail(why) : Outcome.info(why);
        } catch (RuntimeException e) {
            masters.invalidate(group);
            String why = "unexpected error on " + master.node() + ": " + e;
            return mutating ? Outcome.info(why) : Outcome.fail(why);
        }
    }

    /**
     * The barrier of a fenced read, on the connection the read ran on: a write of the fence key,
     * then WAIT for every replica. True when all of them acknowledged it.
     *
     * @throws JedisDataException when the node refuses the write (a replica, NOREPLICAS)
     */
    private boolean readBarrier(Jedis jedis, int replicas) {
        jedis.incr(ReadMode.FENCE_KEY);
        return replicas == 0 || jedis.waitReplicas(replicas, config.waitTimeout().toMillis()) >= replicas;
    }

    private static boolean isRoleError(String message) {
        return message.contains("READONLY") || message.contains("MASTERDOWN") || message.contains("NOREPLICAS")
                || message.contains("LOADING");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** Closes the connection pools and the ZooKeeper client. */
    @Override
    public void close() {
        try {
            pools.close();
        } finally {
            curator.close();
        }
    }
}
