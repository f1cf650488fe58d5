package io.faultline.checkers.sim;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Simple sufficient conditions for a single-key history NOT to be linearizable, independent of the
 * checker under test: when one holds, the history is certainly not linearizable.
 */
public final class Witness {

    private Witness() {
    }

    /** An operation with its window: positions of invocation and completion (MAX when none). */
    public record Call(int inv, int comp, Op invocation, Op completion) {
        boolean ok() {
            return completion != null && completion.type() == OpType.OK;
        }

        boolean unknown() {
            return completion == null || completion.type() == OpType.INFO;
        }
    }

    public static List<Call> calls(History h) {
        List<Call> out = new ArrayList<>();
        for (int p = 0; p < h.size(); p++) {
            if (!h.get(p).isInvoke()) continue;
            int c = h.pairPosition(p);
            out.add(new Call(p, c < 0 ? Integer.MAX_VALUE : c, h.get(p), c < 0 ? null : h.get(c)));
        }
        return out;
    }

    /** The value a register op writes (write v, or the new value of a cas), or null if it writes nothing. */
    static Object produced(Call c) {
        if (c.completion() != null && c.completion().isFail()) return null;
        return switch (c.invocation().f()) {
            case "write" -> c.invocation().value();
            case "cas" -> ((List<?>) c.invocation().value()).get(1);
            default -> null;
        };
    }

    private static boolean producer(Call c) {
        return !c.invocation().f().equals("read") && (c.completion() == null || !c.completion().isFail());
    }

    /**
     * The value an ok read must return if real time alone determines it (the last producer surely
     * precedes the read and every other producer surely precedes that one), else a marker object.
     */
    public static Object determinedValue(List<Call> calls, Call read, Object initial) {
        Call last = null;
        for (Call c : calls) {
            if (!producer(c) || c.inv() > read.comp()) continue;
            if (c.unknown()) return UNDETERMINED;
            if (c.comp() > read.inv()) return UNDETERMINED;
            if (last == null || c.inv() > last.comp()) {
                last = c;
            } else if (!(c.comp() < last.inv())) {
                return UNDETERMINED;
            }
        }
        if (last == null) return initial;
        for (Call c : calls) {
            if (producer(c) && c != last && c.inv() <= read.comp() && !(c.comp() < last.inv())) return UNDETERMINED;
        }
        return produced(last);
    }

    public static final Object UNDETERMINED = new Object();

    /** True when some ok read of a register must have read another value, or read one never written. */
    public static boolean registerViolation(History h, Object initial) {
        List<Call> calls = calls(h);
        Set<Object> written = new HashSet<>();
        written.add(initial);
        for (Call c : calls) if (producer(c)) written.add(produced(c));
        for (Call r : calls) {
            if (!r.invocation().f().equals("read") || !r.ok()) continue;
            Object v = r.completion().value();
            if (!written.contains(v)) return true;
            Object must = determinedValue(calls, r, initial);
            if (must != UNDETERMINED && !Objects.equals(must, v)) return true;
        }
        return false;
    }

    /** True when some ok counter read lies outside what ok and unknown adds allow (adds are non-negative). */
    public static boolean counterViolation(History h) {
        List<Call> calls = calls(h);
        for (Call r : calls) {
            if (!r.invocation().f().equals("read") || !r.ok()) continue;
            long lower = 0;
            long upper = 0;
            for (Call a : calls) {
                if (!a.invocation().f().equals("add") || (a.completion() != null && a.completion().isFail())) continue;
                long d = ((Number) a.invocation().value()).longValue();
                if (a.ok() && a.comp() < r.inv()) lower += d;
                if (a.inv() < r.comp()) upper += d;
            }
            long v = ((Number) r.completion().value()).longValue();
            if (v < lower || v > upper) return true;
        }
        return false;
    }

    /** True when some ok set read misses an element whose ok add completed before it, or has one never added. */
    public static boolean setViolation(History h) {
        List<Call> calls = calls(h);
        Set<Object> attempted = new HashSet<>();
        for (Call c : calls) if (c.invocation().f().equals("add")) attempted.add(c.invocation().value());
        for (Call r : calls) {
            if (!r.invocation().f().equals("read") || !r.ok()) continue;
            Set<Object> read = new HashSet<>((Collection<?>) r.completion().value());
            if (!attempted.containsAll(read)) return true;
            for (Call a : calls) {
                if (a.invocation().f().equals("add") && a.ok() && a.comp() < r.inv()
                        && !read.contains(a.invocation().value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of the history with the completion at {@code position} given another value. */
    public static History withValue(History h, int position, Object value) {
        List<Op> ops = new ArrayList<>(h.asList());
        Op o = ops.get(position);
        ops.set(position, new Op(o.index(), o.time(), o.type(), o.process(), o.f(), value, o.error(), Map.of()));
        return History.of(ops, "mutated");
    }
}
