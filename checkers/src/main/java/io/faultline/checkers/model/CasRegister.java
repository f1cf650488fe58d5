package io.faultline.checkers.model;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.List;
import java.util.Objects;

/**
 * A compare-and-set register: {@code :read} (the completion's value is what was read), {@code :write v}
 * and {@code :cas [expected new]} (an ok cas found {@code expected}; a failed cas is dropped before the
 * search, so it never reaches this model).
 *
 * <p>Nil: by default nil is a value like any other, the state of a register never written, so a read of nil
 * after a write of 1 is an anomaly (lost data). With {@code knossos} a read completing with nil carries no
 * information and is always legal, as Knossos treats it.
 *
 * @param initial the value before any write; may be null (nil)
 * @param knossos whether a read of nil is always legal
 */
public record CasRegister(Object initial, boolean knossos) implements Model<RegisterState> {

    public CasRegister {
        initial = Values.norm(initial);
    }

    @Override
    public String name() {
        return "cas-register";
    }

    @Override
    public RegisterState init() {
        return new RegisterState(initial);
    }

    @Override
    public RegisterState step(RegisterState state, Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "read" -> read(state, completion, knossos);
            case "write" -> new RegisterState(Values.norm(invocation.value()));
            case "cas" -> {
                List<?> cas = Values.pair(invocation, "[expected new]");
                yield Objects.equals(state.value(), Values.norm(cas.get(0)))
                        ? new RegisterState(Values.norm(cas.get(1))) : null;
            }
            default -> throw Values.unknownF(name(), invocation, ":read, :write and :cas");
        };
    }

    /** A read: the completion's value must be the state's, unless it is nil and nil reads are free. */
    static RegisterState read(RegisterState state, Op completion, boolean knossos) {
        if (completion == null) return state;
        Object read = Values.norm(completion.value());
        if (read == null && knossos) return state;
        return Objects.equals(read, state.value()) ? state : null;
    }

    @Override
    public boolean constrainsNothing(Op invocation) {
        return invocation.f().equals("read");
    }

    /** Unknown writes and cas whose new value no ok read and no cas observes. */
    @Override
    public Predicate<Op> omittable(History history) {
        return unobservedWrites(history, knossos);
    }

    /**
     * Register ops of unknown outcome that write a value nothing observes: while the register holds such
     * a value only blind writes can take effect, so leaving the op out changes no verdict.
     */
    static Predicate<Op> unobservedWrites(History history, boolean knossos) {
        Set<Object> observed = new HashSet<>();
        for (int p = 0; p < history.size(); p++) {
            if (history.type(p) != OpType.INVOKE) continue;
            int donePos = history.pairPosition(p);
            OpType done = donePos > p ? history.type(donePos) : null;
            String f = history.f(p);
            if (f.equals("read") && done == OpType.OK) {
                Object read = history.value(donePos);
                if (read != null || !knossos) observed.add(Values.norm(read));
            } else if (f.equals("cas") && done != OpType.FAIL && history.value(p) instanceof List<?> l
                    && l.size() == 2) {
                observed.add(Values.norm(l.get(0)));
            }
        }
        return op -> switch (op.f()) {
            case "read" -> true;
            case "write" -> !observed.contains(Values.norm(op.value()));
            case "cas" -> op.value() instanceof List<?> l && l.size() == 2 && !observed.contains(Values.norm(l.get(1)));
            default -> false;
        };
    }
}
