package io.faultline.results.report;

import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.linearizability.Linearizability;
import io.faultline.checkers.linearizability.Options;
import io.faultline.checkers.model.Models;
import io.faultline.checkers.set.SetChecker;
import io.faultline.checkers.stats.StatsChecker;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/** Small histories and results of the three kinds of run a report must show. */
final class Histories {

    static final long MS = 1_000_000L;

    private Histories() {
    }

    /** Builds a history from ops given in order; times in ms. */
    static final class Builder {
        private final List<Op> ops = new ArrayList<>();

        Builder invoke(long ms, int process, String f, Object value) {
            ops.add(new Op(-1, ms * MS, OpType.INVOKE, process, f, value, null, Map.of()));
            return this;
        }

        Builder complete(long ms, OpType type, int process, String f, Object value) {
            ops.add(new Op(-1, ms * MS, type, process, f, value, type == OpType.INFO ? Keyword.newKeyword("timeout") : null,
                    Map.of()));
            return this;
        }

        Builder nemesis(long ms, long doneMs, String f, Object value) {
            ops.add(new Op(-1, ms * MS, OpType.INFO, Op.NEMESIS, f, null, null, Map.of()));
            ops.add(new Op(-1, doneMs * MS, OpType.INFO, Op.NEMESIS, f, value, null, Map.of()));
            return this;
        }

        History build() {
            ops.sort(java.util.Comparator.comparingLong(Op::time));
            return History.of(ops, "test history");
        }
    }

    /** A register workload of 5 processes over 2 s, a partition from 0.5 s to 1.2 s, a kill and restart. */
    static History validRegister() {
        Builder b = new Builder();
        long value = 0;
        for (int round = 0; round < 40; round++) {
            for (int p = 0; p < 5; p++) {
                long t = round * 50L + p * 7L;
                boolean write = (round + p) % 3 == 0;
                b.invoke(t, p, write ? "write" : "read", write ? ++value : null);
                long latency = t >= 500 && t < 1200 ? 30 : 4 + (p % 3);
                b.complete(t + latency, OpType.OK, p, write ? "write" : "read", write ? value : value);
            }
        }
        b.nemesis(500, 502, "start-partition", Map.of("n1", List.of("n2", "n3")));
        b.nemesis(1200, 1203, "stop-partition", Keyword.newKeyword("network-healed"));
        b.nemesis(1500, 1510, "kill", List.of("n2"));
        b.nemesis(1800, 1850, "start", List.of("n2"));
        return b.build();
    }

    /** A set workload: 200 adds over 2 s, a partition from 0.6 s to 1.4 s, a final read missing 3 acknowledged adds. */
    static History lostWrites() {
        Builder b = new Builder();
        for (long e = 0; e < 200; e++) {
            int p = (int) (e % 4);
            long t = e * 10;
            b.invoke(t, p, "add", e);
            b.complete(t + 5, e % 37 == 5 ? OpType.INFO : OpType.OK, p, "add", e);
        }
        b.nemesis(600, 601, "start-partition", Map.of("n1", List.of("n2", "n3", "n4", "n5")));
        b.nemesis(1400, 1402, "stop-partition", null);
        List<Object> read = new ArrayList<>();
        for (long e = 0; e < 200; e++) if (e != 70 && e != 71 && e != 95) read.add(e);
        b.invoke(2100, 0, "read", null);
        b.complete(2110, OpType.OK, 0, "read", java.util.Collections.unmodifiableList(read));
        return b.build();
    }

    /** The checkers module's set and stats checkers on a history, composed as the runner does. */
    static Result setAndStats(History history) {
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("set", new SetChecker());
        checkers.put("stats", new StatsChecker());
        return Checkers.compose(checkers).check(history);
    }

    /** A hand-made set result listing lost elements as data rather than EDN text. */
    static Result handMadeLostResult() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("lost-count", 3L);
        set.put("lost", List.of(70L, 71L, 95L));
        return Result.invalid("1 of 1 checkers found a problem", Map.of("set", Result.invalid("3 lost", set)));
    }

    /**
     * A stale read: process 0 writes 1, then 2; process 1 then reads 1, after the write of 2 completed,
     * while a partition is on. Process 2 reads concurrently.
     */
    static History staleRead() {
        return new Builder()
                .invoke(0, 0, "write", 1L).complete(10, OpType.OK, 0, "write", 1L)
                .invoke(20, 0, "write", 2L).complete(30, OpType.OK, 0, "write", 2L)
                .nemesis(15, 16, "start-partition", Map.of("n1", List.of("n2", "n3")))
                .invoke(36, 2, "read", null).complete(70, OpType.OK, 2, "read", 2L)
                .invoke(40, 1, "read", null).complete(50, OpType.OK, 1, "read", 1L)
                .invoke(45, 3, "write", 3L).complete(80, OpType.INFO, 3, "write", 3L)
                .nemesis(90, 95, "stop-partition", null)
                .build();
    }

    /** The checkers module's linearizability verdict on a history, against a register starting at nil. */
    static Result linearizability(History history) {
        Result linear = Linearizability.check(Models.byName("register", null, false), Options.defaults(), history);
        return new Result(linear.valid(), linear.valid() == io.faultline.core.checker.Validity.FALSE
                ? "1 of 2 checkers found a problem" : "all checkers passed", Map.of(
                "linear", linear, "stats", Result.valid("every f had an ok op").with("count", (long) history.size())));
    }
}
