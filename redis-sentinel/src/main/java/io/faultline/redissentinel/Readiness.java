package io.faultline.redissentinel;

import io.faultline.core.db.DbStartException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * When a fresh Sentinel deployment is ready for a test: the first primary has every replica
 * {@code online}, and every Sentinel monitors it as a master with every replica and every other
 * Sentinel known (Sentinels find each other through the primary's hello channel every 2 s; a
 * failover needs a majority of them to vote). Asked again every 100 ms until a deadline.
 */
final class Readiness {
    private static final JedisClientConfig QUICK = DefaultJedisClientConfig.builder().connectionTimeoutMillis(500)
            .socketTimeoutMillis(500).build();

    private final Topology topology;
    private final Function<String, HostAndPort> redis;
    private final Function<String, HostAndPort> sentinel;

    Readiness(Topology topology, Function<String, HostAndPort> redis, Function<String, HostAndPort> sentinel) {
        this.topology = topology;
        this.redis = redis;
        this.sentinel = sentinel;
    }

    /** @throws DbStartException naming what was still not ready at the deadline */
    void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) return;
            if (System.nanoTime() > deadline) {
                throw new DbStartException("Redis Sentinel not ready after " + timeout.toSeconds() + " s: " + missing.get()
                        + " (the processes' logs are kept with the run)", null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbStartException("interrupted while Redis Sentinel was starting", e);
            }
        }
    }

    /** What is not ready yet, or empty. */
    Optional<String> missing() {
        int replicas = topology.nodes() - 1;
        String primary = topology.firstPrimary();
        try (Jedis j = new Jedis(redis.apply(primary), QUICK)) {
            String info = j.info("replication");
            long online = info.lines().filter(l -> l.startsWith("slave") && l.contains("state=online")).count();
            if (!info.contains("role:master") || online < replicas) {
                return Optional.of(primary + " has " + online + " of " + replicas + " replicas online");
            }
        } catch (JedisException e) {
            return Optional.of(primary + " does not answer: " + e.getMessage());
        }
        for (String s : topology.sentinelNames()) {
            try (Jedis j = new Jedis(sentinel.apply(s), QUICK)) {
                Map<String, String> m = j.sentinelMaster(Topology.MASTER_NAME);
                int slaves = Integer.parseInt(m.getOrDefault("num-slaves", "0"));
                int others = Integer.parseInt(m.getOrDefault("num-other-sentinels", "0"));
                if (!"master".equals(m.get("flags")) || slaves < replicas || others < topology.sentinels() - 1) {
                    return Optional.of("Sentinel " + s + " sees flags " + m.get("flags") + ", " + slaves + " of " + replicas
                            + " replicas, " + others + " of " + (topology.sentinels() - 1) + " other Sentinels");
                }
            } catch (JedisException | NumberFormatException e) {
                return Optional.of("Sentinel " + s + " does not answer: " + e.getMessage());
            }
        }
        return Optional.empty();
    }
}
