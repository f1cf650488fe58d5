package io.faultline.checkers.model;

import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.function.Predicate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A set: {@code :add e} and {@code :read} (the completion's value, a set or list, must be exactly the
 * state). Each add copies the set, so this model suits histories of modest size; for large set
 * workloads use {@link io.faultline.checkers.set.SetChecker}.
 *
 * @param initial the elements before any add; never null
 */
public record SetModel(Set<Object> initial) implements Model<SetModel.State> {

    /** The elements present. */
    public record State(Set<Object> elements) {
        @Override
        public String toString() {
            return EdnOps.valueToEdn(elements);
        }
    }

    @SuppressWarnings("unchecked")
    public SetModel {
        Objects.requireNonNull(initial, "initial");
        initial = (Set<Object>) Values.norm(initial);
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public State init() {
        return new State(initial);
    }

    @Override
    public State step(State state, Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "add" -> {
                Object e = Values.norm(invocation.value());
                if (state.elements().contains(e)) yield state;
                Set<Object> next = new HashSet<>(state.elements());
                next.add(e);
                yield new State(Collections.unmodifiableSet(next));
            }
            case "read" -> completion == null || Values.asSet(completion).equals(state.elements()) ? state : null;
            default -> throw Values.unknownF(name(), invocation, ":add and :read");
        };
    }

    @Override
    public boolean constrainsNothing(Op invocation) {
        return invocation.f().equals("read");
    }

    /** Unknown adds of elements no ok read contains: once added, no later read could succeed. */
    @Override
    public Predicate<Op> omittable(History history) {
        Set<Object> seen = new HashSet<>();
        for (Op op : history) {
            if (op.isOk() && op.f().equals("read") && op.value() instanceof java.util.Collection<?>) seen.addAll(Values.asSet(op));
        }
        return op -> op.f().equals("read") || op.f().equals("add") && !seen.contains(Values.norm(op.value()));
    }
}
