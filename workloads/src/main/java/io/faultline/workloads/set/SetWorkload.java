package io.faultline.workloads.set;

import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.set.SetChecker;
import io.faultline.checkers.stats.StatsChecker;
import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.generator.Context;
import io.faultline.core.generator.GenResult;
import io.faultline.core.generator.Generator;
import io.faultline.core.op.Op;
import io.faultline.workloads.FinalReads;
import io.faultline.workloads.KeyedClient;
import io.faultline.core.system.Workload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code set} workload (Jepsen's set): unique integers added concurrently, then, once the faults
 * are healed and the cluster has recovered, one final read of the whole set. Elements are spread
 * over {@link #SET_KEYS} Redis sets ({@code s0..s7}), so with several replica groups every group
 * holds some, and the final read reads every one of them. Checked by the set checker: acknowledged
 * adds that the final read lacks are lost writes.
 */
public final class SetWorkload {

    /** Redis sets the elements are spread over, by default ({@code --keys} changes it, for a {@link KeyedClient}). */
    public static final int SET_KEYS = 8;

    private SetWorkload() {
    }

    public static Workload create(Client client) {
        return new Workload("set", client, new Adds(0), FinalReads.of("read"), checker());
    }

    /**
     * {@code w} with its elements spread over {@code sets} sets, when its client is a {@link KeyedClient};
     * otherwise {@code w} itself (its client keeps the set under a layout of its own).
     */
    public static Workload withKeys(Workload w, int sets) {
        if (sets < 1) throw new IllegalArgumentException("--keys must be >= 1, was " + sets);
        if (!(w.client() instanceof KeyedClient keyed)) return w;
        return new Workload(w.name(), keyed.withKeys(sets), w.generator(), w.finalOps(), w.checker());
    }

    /** The workload's checker: lost writes (set) and stats. */
    public static Checker checker() {
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("set", new SetChecker());
        checkers.put("stats", new StatsChecker());
        return Checkers.compose(checkers);
    }

    /** The add generator alone. */
    public static Generator generator() {
        return new Adds(0);
    }

    /** Emits {@code :add 0}, {@code :add 1}, ...: pure, each element once. */
    record Adds(long next) implements Generator {
        @Override
        public GenResult op(Context ctx) {
            Op op = ctx.fillIn(Op.invoke(0, "add", next));
            return op == null ? GenResult.pending(this) : GenResult.emit(op, new Adds(next + 1));
        }
    }
}
