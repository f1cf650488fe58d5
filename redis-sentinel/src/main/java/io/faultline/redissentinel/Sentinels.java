package io.faultline.redissentinel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * How a client finds the primary, as Redis's guidelines for Sentinel clients say: ask the Sentinels in
 * turn {@code SENTINEL get-master-addr-by-name}, take the first answer, and (the caller) verify with
 * {@code ROLE} on the address it got. Stateless apart from the addresses; thread-safe.
 *
 * @param sentinels the Sentinels' addresses, in the order they are asked
 * @param nodeOf    the node name of a Redis address ({@code host:port}), or null for an unknown one
 * @param config    the connection settings (timeouts) of each question
 */
record Sentinels(List<HostAndPort> sentinels, Function<HostAndPort, String> nodeOf, JedisClientConfig config) {

    Sentinels {
        sentinels = List.copyOf(sentinels);
        Objects.requireNonNull(nodeOf, "nodeOf");
        Objects.requireNonNull(config, "config");
    }

    /** Sentinels at {@code addresses}, nodes known by {@code nodes} (address → node), {@code timeoutMs} per question. */
    static Sentinels of(List<HostAndPort> addresses, Map<HostAndPort, String> nodes, int timeoutMs) {
        Map<HostAndPort, String> copy = Map.copyOf(nodes);
        return new Sentinels(addresses, copy::get,
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs).build());
    }

    /** The primary's address as the first Sentinel that answers says; empty when none answers or none knows it. */
    Optional<HostAndPort> primary() {
        for (HostAndPort s : sentinels) {
            try (Jedis jedis = new Jedis(s, config)) {
                List<String> addr = jedis.sentinelGetMasterAddrByName(Topology.MASTER_NAME);
                if (addr != null && addr.size() == 2) return Optional.of(new HostAndPort(addr.get(0), Integer.parseInt(addr.get(1))));
            } catch (JedisException | NumberFormatException e) {
                // the next Sentinel, as a client does
            }
        }
        return Optional.empty();
    }

    /** The node the Sentinels name as the primary; empty when none answers or the address is not a node's. */
    Optional<String> primaryNode() {
        return primary().map(nodeOf);
    }
}
