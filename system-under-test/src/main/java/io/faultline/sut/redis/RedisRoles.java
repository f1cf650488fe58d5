package io.faultline.sut.redis;

import java.net.InetSocketAddress;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * The role changes a lease agent makes on its own Redis, over one connection. Not thread-safe:
 * one owner thread. Every method throws the Jedis exception if Redis cannot be reached.
 */
public final class RedisRoles implements AutoCloseable {
    /** Where parked (non-serving) replicas point: nothing listens on port 1. */
    public static final InetSocketAddress PARKED_MASTER = InetSocketAddress.createUnresolved("127.0.0.1", 1);

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private Jedis jedis;

    public RedisRoles(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    /** What {@code ROLE} says: "master", or "slave host:port" for a replica. */
    public String role() {
        return call(j -> {
            List<Object> role = j.role();
            String kind = text(role.get(0));
            if (kind.equals("master")) {
                return "master";
            }
            if (kind.equals("slave")) {
                return "slave " + text(role.get(1)) + ":" + text(role.get(2));
            }
            return kind;
        });
    }

    /**
     * Makes this Redis a master. With {@code minReplicasToWrite > 0} it refuses writes
     * ({@code NOREPLICAS}) when fewer replicas than that have acknowledged within
     * {@code maxLagSeconds}: a master that was paused finds its replicas gone on resume.
     */
    public void promote(int minReplicasToWrite, int maxLagSeconds) {
        call(j -> {
            j.configSet("min-replicas-max-lag", Integer.toString(maxLagSeconds));
            j.configSet("min-replicas-to-write", Integer.toString(minReplicasToWrite));
            return j.replicaofNoOne();
        });
    }

    /** Makes this Redis a read-only replica of {@code master} that refuses stale reads. */
    public void follow(InetSocketAddress master) {
        call(j -> {
            j.configSet("replica-serve-stale-data", "no");
            j.configSet("replica-read-only", "yes");
            return j.replicaof(master.getHostString(), master.getPort());
        });
    }

    /** Demotes to a non-serving replica at once: reads get MASTERDOWN, writes READONLY. */
    public void park() {
        follow(PARKED_MASTER);
    }

    /** {@code SHUTDOWN NOSAVE}; ignores the connection closing under it. */
    public void shutdown() {
        try {
            call(j -> {
                j.shutdown(redis.clients.jedis.params.ShutdownParams.shutdownParams().nosave());
                return null;
            });
        } catch (RuntimeException ignored) {
            // the server closes the connection as it exits
        }
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private <T> T call(java.util.function.Function<Jedis, T> f) {
        if (jedis == null || !jedis.isConnected() || jedis.isBroken()) {
            closeQuietly();
            jedis = new Jedis(address.getHostString(), address.getPort(), timeoutMillis);
        }
        try {
            return f.apply(jedis);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void closeQuietly() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // nothing to do
            }
            jedis = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
