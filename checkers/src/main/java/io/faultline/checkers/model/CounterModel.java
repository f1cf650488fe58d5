package io.faultline.checkers.model;

import io.faultline.core.op.Op;

/**
 * A counter: {@code :add n} (also {@code :increment}, by its value or 1 when nil) and {@code :read}, whose
 * completion's value must equal the sum of the adds linearized before it.
 *
 * @param initial the value before any add
 */
public record CounterModel(long initial) implements Model<CounterModel.State> {

    /** The counter's value. */
    public record State(long value) {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    @Override
    public String name() {
        return "counter";
    }

    @Override
    public State init() {
        return new State(initial);
    }

    @Override
    public State step(State state, Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "add", "increment", "inc" -> new State(state.value() + delta(invocation));
            case "read" -> {
                if (completion == null) yield state;
                if (!(completion.value() instanceof Number n)) {
                    throw new IllegalArgumentException("op " + completion.index() + " (:read): expected a number, found "
                            + completion.value());
                }
                yield n.longValue() == state.value() ? state : null;
            }
            default -> throw Values.unknownF(name(), invocation, ":add (or :increment) and :read");
        };
    }

    /** The amount an add adds: its value, or 1 when nil. */
    public static long delta(Op invocation) {
        Object v = invocation.value();
        if (v == null) return 1;
        if (v instanceof Number n) return n.longValue();
        throw new IllegalArgumentException("op " + invocation.index() + " (:" + invocation.f()
                + "): expected a number to add, found " + v);
    }

    @Override
    public boolean constrainsNothing(Op invocation) {
        return invocation.f().equals("read");
    }
}
