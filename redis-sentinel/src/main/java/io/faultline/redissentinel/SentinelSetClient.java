package io.faultline.redissentinel;

import io.faultline.core.client.Client;
import io.faultline.core.op.Op;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;
import us.bpsm.edn.Keyword;

/**
 * The {@code set} workload's client, a Sentinel client as Redis's client guidelines describe one: on
 * connecting it asks the Sentinels for the primary ({@link Sentinels}), checks with {@code ROLE} that
 * the server it reached is a primary, and then keeps that connection; after an error it drops the
 * connection and asks the Sentinels again, so it follows a failover once its primary refuses it
 * ({@code READONLY} after demotion, {@code NOREPLICAS}) or its connection breaks. It does not listen
 * for {@code +switch-master}: while a partition isolates the old primary from the Sentinels but not
 * from this client, it keeps writing there, which is the case the Sentinel documentation warns about.
 *
 * <p>{@code :add x} is {@code SADD} {@link #KEY} {@code x}; {@code :read} (the final read) asks the
 * Sentinels afresh and reads {@code SMEMBERS} on the primary. Outcomes: {@link Outcomes}. One per
 * process, used from its thread only.
 */
final class SentinelSetClient implements Client {

    /** The Redis set the elements go to. */
    static final String KEY = "faultline-set";

    private final Supplier<Sentinels> sentinelsOfRun;
    private final Sentinels sentinels;
    private final JedisClientConfig config;
    private Jedis primary;

    /**
     * The prototype: {@link #open} makes the clients.
     *
     * @param sentinels the run's Sentinels, asked at each {@link #open} (they exist once the Db is set up)
     */
    SentinelSetClient(Supplier<Sentinels> sentinels, JedisClientConfig config) {
        this.sentinelsOfRun = Objects.requireNonNull(sentinels, "sentinels");
        this.sentinels = null;
        this.config = Objects.requireNonNull(config, "config");
    }

    private SentinelSetClient(Sentinels sentinels, JedisClientConfig config) {
        this.sentinelsOfRun = () -> sentinels;
        this.sentinels = sentinels;
        this.config = config;
    }

    @Override
    public Client open(String node) {
        return new SentinelSetClient(sentinelsOfRun.get(), config);
    }

    @Override
    public Op invoke(Op op) {
        if (sentinels == null) throw new IllegalStateException("invoke an opened client, not the prototype");
        return switch (op.f()) {
            case "add" -> add(op);
            case "read" -> read(op);
            default -> throw new IllegalArgumentException("the redis-sentinel set client handles add and read, not :" + op.f());
        };
    }

    private Op add(Op op) {
        long element = ((Number) op.value()).longValue();
        Optional<Op> refused = connect(op);
        if (refused.isPresent()) return refused.get();
        try {
            primary.sadd(KEY, Long.toString(element));
            return op.ok(element);
        } catch (JedisException e) {
            close();
            return Outcomes.failed(op, e, true);
        }
    }

    /** Reads on the primary the Sentinels name now, on a new connection (a read changes nothing: an error is fail). */
    private Op read(Op op) {
        close();
        Optional<Op> refused = connect(op);
        if (refused.isPresent()) return refused.get();
        try {
            Set<Long> all = new TreeSet<>();
            primary.smembers(KEY).forEach(e -> all.add(Long.valueOf(e)));
            return op.ok(List.copyOf(all));
        } catch (JedisException e) {
            close();
            return op.fail(Outcomes.errorWord(e.getMessage()));
        }
    }

    /** Connects to the primary unless connected; the op's {@code fail} when there is none to reach. */
    private Optional<Op> connect(Op op) {
        if (primary != null) return Optional.empty();
        Optional<HostAndPort> address = sentinels.primary();
        if (address.isEmpty()) return Optional.of(op.fail(Keyword.newKeyword("no-primary-known")));
        Jedis jedis = new Jedis(address.get(), config);
        try {
            List<Object> role = jedis.role();
            if (role.isEmpty() || !"master".equals(String.valueOf(role.get(0)))) {
                jedis.close();
                return Optional.of(op.fail(Keyword.newKeyword("not-primary")));
            }
        } catch (JedisException e) {
            jedis.close();
            return Optional.of(Outcomes.failed(op, e, false));
        }
        primary = jedis;
        return Optional.empty();
    }

    @Override
    public void close() {
        if (primary != null) {
            try {
                primary.close();
            } catch (JedisException ignored) {
                // closing anyway
            }
            primary = null;
        }
    }
}
