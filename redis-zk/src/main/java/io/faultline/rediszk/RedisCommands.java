package io.faultline.rediszk;

import io.faultline.core.op.Op;
import io.faultline.sut.client.Outcome;
import io.faultline.sut.client.ShardedClient;
import io.faultline.workloads.set.SetWorkload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The client adapters of the bundled system: how each workload's ops run on the sharded Redis
 * client. Register key {@code k} is the Redis string {@code r<k>}; set elements are spread over the
 * Redis sets {@code s0..s7}; the counter is the key {@code counter}.
 */
final class RedisCommands {

    /** The Redis key of the counter. */
    static final String COUNTER_KEY = "counter";

    private RedisCommands() {
    }

    /** {@code :read [k nil]}, {@code :write [k v]}, {@code :cas [k [old new]]} on the Redis string {@code r<k>}. */
    static Op register(ShardedClient redis, Op op) {
        List<?> tuple = (List<?>) op.value();
        Object key = tuple.get(0);
        String redisKey = "r" + key;
        return switch (op.f()) {
            case "read" -> Outcomes.complete(op, redis.read(redisKey), v -> Arrays.asList(key, v == null ? null : Long.valueOf(v)));
            case "write" -> Outcomes.complete(op, redis.write(redisKey, String.valueOf(tuple.get(1))), v -> tuple);
            case "cas" -> {
                List<?> cas = (List<?>) tuple.get(1);
                yield Outcomes.complete(op,
                        redis.compareAndSet(redisKey, String.valueOf(cas.get(0)), String.valueOf(cas.get(1))), v -> tuple);
            }
            default -> throw new IllegalArgumentException("the register client handles read, write and cas, not :" + op.f());
        };
    }

    /** {@code :add x} to the Redis set {@code s<x mod 8>}; {@code :read} reads them all. */
    static Op set(ShardedClient redis, Op op) {
        return set(SetWorkload.SET_KEYS).invoke(redis, op);
    }

    /** {@code :add x} to the Redis set {@code s<x mod sets>}; {@code :read} reads {@code s0..s<sets-1>} ({@code --keys}). */
    static RedisClient.Commands set(int sets) {
        if (sets < 1) throw new IllegalArgumentException("--keys must be >= 1, was " + sets);
        return (redis, op) -> switch (op.f()) {
            case "add" -> {
                long element = ((Number) op.value()).longValue();
                yield Outcomes.complete(op, redis.addToSet("s" + Math.floorMod(element, sets), Long.toString(element)),
                        v -> element);
            }
            case "read" -> readAll(redis, op, sets);
            default -> throw new IllegalArgumentException("the set client handles add and read, not :" + op.f());
        };
    }

    /** Reads every Redis set; ok only when every one was read. */
    private static Op readAll(ShardedClient redis, Op op, int sets) {
        TreeSet<Long> all = new TreeSet<>();
        for (int k = 0; k < sets; k++) {
            Outcome<java.util.Set<String>> o = redis.readSet("s" + k);
            if (!o.isOk()) {
                return op.fail(Outcomes.errorKeyword(o.error()));
            }
            o.value().forEach(e -> all.add(Long.valueOf(e)));
        }
        return op.ok(List.copyOf(new ArrayList<>(all)));
    }

    /** {@code :add n} increments, {@code :read} reads the counter. */
    static Op counter(ShardedClient redis, Op op) {
        return switch (op.f()) {
            case "add" -> Outcomes.complete(op, redis.increment(COUNTER_KEY, ((Number) op.value()).longValue()), v -> op.value());
            case "read" -> Outcomes.complete(op, redis.readCounter(COUNTER_KEY), v -> v);
            default -> throw new IllegalArgumentException("the counter client handles add and read, not :" + op.f());
        };
    }
}
