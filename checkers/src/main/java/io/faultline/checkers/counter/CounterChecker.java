package io.faultline.checkers.counter;

import io.faultline.checkers.model.CounterModel;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counter workload ({@code :add n} or {@code :increment}, and {@code :read}), as Jepsen's counter
 * checker: each ok read must lie within bounds. The lower bound is the initial value plus the ok adds
 * completed before the read began, plus the negative parts of the adds that may have taken effect (ok,
 * info or never completed, invoked before the read completed); the upper bound likewise with the positive
 * parts. Failed adds never count. Linear time. Stateless and thread-safe.
 */
public final class CounterChecker implements Checker {

    private static final int SHOWN = 100;
    private final long initial;

    /** A checker of counters starting at {@code initial}. */
    public CounterChecker(long initial) {
        this.initial = initial;
    }

    /** One read outside its bounds. */
    public record BadRead(long index, int process, long value, long lower, long upper) {
    }

    @Override
    public Result check(History history) {
        int size = history.size();
        long[] definitePos = new long[size + 1];
        long[] definiteNeg = new long[size + 1];
        long[] possiblePos = new long[size + 1];
        long[] possibleNeg = new long[size + 1];
        long def = 0;
        long defAdj = 0;
        long pos = 0;
        long neg = 0;
        for (int p = 0; p < size; p++) {
            definitePos[p] = def;
            definiteNeg[p] = defAdj;
            possiblePos[p] = pos;
            possibleNeg[p] = neg;
            Op op = history.get(p);
            if (op.isNemesis() || !isAdd(op)) continue;
            if (op.isInvoke()) {
                Op done = history.completionOf(p);
                if (done != null && done.isFail()) continue;
                long d = CounterModel.delta(op);
                pos += Math.max(0, d);
                neg += Math.min(0, d);
            } else if (op.isOk()) {
                long d = CounterModel.delta(history.invocationOf(p));
                def += Math.max(0, d);
                defAdj += Math.min(0, d);
            }
        }
        List<BadRead> bad = new ArrayList<>();
        int reads = 0;
        for (int p = 0; p < size; p++) {
            Op op = history.get(p);
            if (op.isNemesis() || !op.isInvoke() || !op.f().equals("read")) continue;
            Op done = history.completionOf(p);
            if (done == null || !done.isOk()) continue;
            reads++;
            int c = history.pairPosition(p);
            // definite adds (ok before the read began) count fully; the rest only by their sign
            long lower = initial + possibleNeg[c] + definitePos[p];
            long upper = initial + possiblePos[c] + definiteNeg[p];
            if (!(done.value() instanceof Number n)) {
                throw new IllegalArgumentException("op " + done.index() + " (:read): expected a number, found " + done.value());
            }
            long v = n.longValue();
            if (v < lower || v > upper) bad.add(new BadRead(done.index(), done.process(), v, lower, upper));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reads", reads);
        d.put("error-count", bad.size());
        d.put("errors", bad.subList(0, Math.min(SHOWN, bad.size())));
        if (reads == 0) return new Result(Validity.UNKNOWN, "no ok reads of the counter", d);
        return new Result(Validity.of(bad.isEmpty()), bad.isEmpty() ? "all " + reads + " reads within bounds"
                : bad.size() + " of " + reads + " reads out of bounds, first: " + bad.get(0), d);
    }

    private static boolean isAdd(Op op) {
        return op.f().equals("add") || op.f().equals("increment") || op.f().equals("inc");
    }
}
