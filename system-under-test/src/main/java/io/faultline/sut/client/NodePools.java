package io.faultline.sut.client;

import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * One {@link JedisPool} per node, dialling the address the router gave for (client → node),
 * asked once per node and kept. Thread-safe.
 */
final class NodePools implements AutoCloseable {
    private final ClientConfig config;
    private final Map<String, JedisPool> pools = new ConcurrentHashMap<>();

    NodePools(ClientConfig config) {
        this.config = config;
    }

    JedisPool pool(String node, InetSocketAddress target) {
        return pools.computeIfAbsent(node + "@" + LinkRouter.hostPort(target), k -> {
            InetSocketAddress routed = LinkRouter.routeChecked(config.router(), config.clientId(), node,
                    LinkKind.CLIENT_TO_NODE, target);
            JedisPoolConfig poolConfig = new JedisPoolConfig();
            poolConfig.setMaxTotal(config.poolSize());
            poolConfig.setMaxIdle(config.poolSize());
            poolConfig.setMinIdle(0);
            poolConfig.setMaxWait(config.connectTimeout());
            poolConfig.setTestOnBorrow(false);
            poolConfig.setJmxEnabled(false);
            poolConfig.setTimeBetweenEvictionRuns(Duration.ofSeconds(-1));
            return new JedisPool(poolConfig, new HostAndPort(routed.getHostString(), routed.getPort()),
                    DefaultJedisClientConfig.builder()
                            .connectionTimeoutMillis((int) config.connectTimeout().toMillis())
                            .socketTimeoutMillis((int) config.socketTimeout().toMillis())
                            .clientName(config.clientId()).build());
        });
    }

    /** Drops the idle connections to {@code node}: after one failed, the others are likely dead too. */
    void discardIdle(String node) {
        pools.forEach((k, pool) -> {
            if (k.startsWith(node + "@")) {
                pool.clear();
            }
        });
    }

    @Override
    public void close() {
        pools.values().forEach(JedisPool::close);
        pools.clear();
    }

}
