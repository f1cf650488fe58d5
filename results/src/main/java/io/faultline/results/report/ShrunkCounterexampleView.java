package io.faultline.results.report;

import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ShrunkCounterexample} ready to draw: its operations as bars, as the counterexample's.
 *
 * @param key        the key as EDN
 * @param model      the model checked against
 * @param operations the operations (invocation and completion as one bar), in invocation order; empty when not computed
 * @param ops        how many ops (records) they are
 * @param from       how many ops the key had in the history
 * @param minimal    true when no single operation can be removed any more
 * @param note       how it was found, or why it is missing
 */
public record ShrunkCounterexampleView(String key, String model, List<CounterexampleView.OpBar> operations, int ops, int from,
                                       boolean minimal, String note) {

    /** The view of a shrunk counterexample; null for null. Ops pair with the next completion of their process. */
    static ShrunkCounterexampleView of(ShrunkCounterexample c, HistoryClock clock) {
        if (c == null) return null;
        List<CounterexampleView.OpBar> bars = new ArrayList<>();
        List<Op> ops = c.ops();
        for (int i = 0; i < ops.size(); i++) {
            Op inv = ops.get(i);
            if (!inv.isInvoke()) continue;
            Op done = null;
            for (int j = i + 1; j < ops.size() && done == null; j++) {
                if (ops.get(j).process() == inv.process()) done = ops.get(j).isInvoke() ? inv : ops.get(j);
            }
            if (done == inv) done = null;
            Op shown = done != null && done.isOk() ? done : inv;
            bars.add(new CounterexampleView.OpBar(inv.index(), inv.process(), done == null ? "crashed" : done.type().keywordName(),
                    inv.f(), ":" + inv.f() + " " + value(shown.value()), HistoryClock.seconds(clock.nanos(inv)),
                    done == null ? -1 : HistoryClock.seconds(clock.nanos(done))));
        }
        return new ShrunkCounterexampleView(c.key(), c.model(), bars, ops.size(), c.from(), c.minimal(), c.note());
    }

    /** The value without its key: the second element of {@code [key value]}. */
    private static String value(Object v) {
        Object inner = v instanceof List<?> tuple && tuple.size() == 2 ? tuple.get(1) : v;
        return io.faultline.core.history.EdnOps.valueToEdn(inner);
    }
}
