package io.faultline.workloads.counter;

import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.counter.CounterChecker;
import io.faultline.checkers.stats.StatsChecker;
import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.core.op.Op;
import io.faultline.sut.client.ShardedClient;
import io.faultline.workloads.FinalReads;
import io.faultline.workloads.Workload;
import io.faultline.workloads.redis.Outcomes;
import io.faultline.workloads.redis.RedisClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code counter} workload (Jepsen's counter): increments of 1 and reads of one counter key,
 * then a final read; every ok read must lie within the bounds the ok and unknown increments allow.
 */
public final class CounterWorkload {

    /** The Redis key of the counter. */
    static final String KEY = "counter";

    private CounterWorkload() {
    }

    public static Workload create(Client client) {
        return new Workload("counter", client, generator(), FinalReads.of("read"), checker());
    }

    /** The workload's checker: counter bounds and stats. */
    public static Checker checker() {
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("counter", new CounterChecker(0));
        checkers.put("stats", new StatsChecker());
        return Checkers.compose(checkers);
    }

    /** Four increments for each read, in random order. */
    public static Generator generator() {
        return Generators.mix(Generators.repeat(Generators.op("add", 1L)), Generators.repeat(Generators.op("add", 1L)),
                Generators.repeat(Generators.op("add", 1L)), Generators.repeat(Generators.op("add", 1L)),
                Generators.repeat(Generators.op("read", null)));
    }

    /** How counter ops run on the sharded Redis client. */
    public static RedisClient.Commands commands() {
        return CounterWorkload::invoke;
    }

    static Op invoke(ShardedClient redis, Op op) {
        return switch (op.f()) {
            case "add" -> Outcomes.complete(op, redis.increment(KEY, ((Number) op.value()).longValue()), v -> op.value());
            case "read" -> Outcomes.complete(op, redis.readCounter(KEY), v -> v);
            default -> throw new IllegalArgumentException("the counter client handles add and read, not :" + op.f());
        };
    }
}
