package io.faultline.rediszk;

import io.faultline.core.node.HasConsole;
import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.lease.Lease;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.Jedis;

/**
 * Reads and writes by hand: either the way the system's clients do (through the routing client, to
 * the lease holder of the key's group, with the cluster's replication setting), or straight to one
 * node's Redis, whatever its role, so that a user can write to an isolated old master and to the new
 * one. Thread-safe.
 */
final class RedisConsole implements AutoCloseable {

    private final Cluster cluster;
    private ShardedClient client;

    RedisConsole(Cluster cluster) {
        this.cluster = cluster;
    }

    /** SET through the system's client ({@code node} null) or straight to {@code node}. */
    HasConsole.Reply write(String key, String value, String node, Function<String, String> stateOf) throws Exception {
        if (node != null) {
            return direct(node, stateOf, j -> {
                j.set(key, value);
                return "OK " + key + " = " + value;
            });
        }
        String holder = holderFor(key);
        Outcome<Void> outcome = client().write(key, value);
        return new HasConsole.Reply(outcome.isOk(), List.of((outcome.isOk() ? "OK " + key + " = " + value
                : outcome.kind() + " " + outcome.error()) + " (via the client, to the lease holder " + holder + ")"));
    }

    /** GET on {@code node}, or on every node that runs (one line each) when {@code node} is null. */
    HasConsole.Reply read(String key, String node, Function<String, String> stateOf) {
        Function<Jedis, String> get = j -> {
            String v = j.get(key);
            return v == null ? "(nil)" : v;
        };
        if (node != null) return direct(node, stateOf, get);
        boolean ok = true;
        List<String> lines = new ArrayList<>();
        for (String n : cluster.nodes()) {
            HasConsole.Reply r = direct(n, stateOf, get);
            ok &= r.ok();
            lines.addAll(r.lines());
        }
        return new HasConsole.Reply(ok, lines);
    }

    private HasConsole.Reply direct(String node, Function<String, String> stateOf, Function<Jedis, String> command) {
        String state = stateOf.apply(node);
        if (!state.equals("running")) return new HasConsole.Reply(false, List.of(node + " (" + state + "): not asked"));
        InetSocketAddress redis = cluster.redisAddress(node);
        String role = NodeProbe.probe(node, cluster.groupOf(node), redis, Map.of()).role();
        role = role.equals("parked") ? "replica" : role;
        try (Jedis j = new Jedis(redis.getHostString(), redis.getPort(), 1000)) {
            return new HasConsole.Reply(true, List.of(node + " (" + role + "): " + command.apply(j)));
        } catch (RuntimeException e) {
            return new HasConsole.Reply(false, List.of(node + " (" + role + "): " + e.getMessage()));
        }
    }

    private String holderFor(String key) throws Exception {
        Optional<Lease> lease = cluster.leaseStatus().lease(client().groupFor(key));
        return lease.map(l -> l.node() + " of " + l.group()).orElse("(none)");
    }

    private synchronized ShardedClient client() {
        if (client == null) client = ShardedClient.connect(cluster.clientConfig().clientId("client-cli").build());
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) client.close();
    }
}
