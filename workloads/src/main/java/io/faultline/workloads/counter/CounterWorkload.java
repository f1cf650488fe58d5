package io.faultline.workloads.counter;

import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.counter.CounterChecker;
import io.faultline.checkers.stats.StatsChecker;
import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.workloads.FinalReads;
import io.faultline.core.system.Workload;
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
}
