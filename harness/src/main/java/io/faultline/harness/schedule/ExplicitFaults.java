package io.faultline.harness.schedule;

import io.faultline.core.generator.Context;
import io.faultline.core.generator.GenResult;
import io.faultline.core.generator.Generator;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A generator of exactly the given nemesis ops, each due at its time (ns since test start): the ops of
 * an explicit fault schedule, every start at its {@code at} and every stop {@code duration} later. An op
 * goes out when it is due and the nemesis thread is free (a slow nemesis op delays the next, never drops
 * it); exhausted after the last. Pure and immutable, as every generator.
 */
public final class ExplicitFaults implements Generator {

    /** One nemesis op due at {@code nanos}. */
    public record Timed(long nanos, Op template) {
    }

    private final List<Timed> ops;
    private final int next;

    private ExplicitFaults(List<Timed> ops, int next) {
        this.ops = ops;
        this.next = next;
    }

    /** The ops, sorted by time (a stop and a start at the same time: in the order given). */
    public static ExplicitFaults of(List<Timed> ops) {
        List<Timed> sorted = new ArrayList<>(ops);
        sorted.sort(Comparator.comparingLong(Timed::nanos));
        return new ExplicitFaults(List.copyOf(sorted), 0);
    }

    /** The ops still to come. */
    public List<Timed> remaining() {
        return ops.subList(next, ops.size());
    }

    @Override
    public GenResult op(Context ctx) {
        if (next >= ops.size()) return GenResult.EXHAUSTED;
        Timed due = ops.get(next);
        if (ctx.time() < due.nanos()) return GenResult.pending(this, due.nanos());
        Op op = ctx.fillIn(due.template());
        return op == null ? GenResult.pending(this) : GenResult.emit(op, new ExplicitFaults(ops, next + 1));
    }

    @Override
    public String toString() {
        return "ExplicitFaults[" + next + " of " + ops.size() + "]";
    }
}
