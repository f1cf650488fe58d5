package io.faultline.checkers.model;

import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several registers changed by transactions, as Knossos' multi-register: {@code :txn} with a value such as
 * {@code [[:read :x 1] [:write :y 2]]}, applied in order. An ok txn's reads come from the completion's
 * value; a txn with unknown outcome applies only its writes. A key absent from the state reads nil; with
 * {@code knossos} a read of nil is always legal.
 *
 * @param initial the registers before any txn (key to value); never null, may be empty
 * @param knossos whether a read of nil is always legal
 */
public record MultiRegister(Map<Object, Object> initial, boolean knossos) implements Model<MultiRegister.State> {

    /** The registers' values; keys absent are nil. */
    public record State(Map<Object, Object> values) {
        @Override
        public String toString() {
            return EdnOps.valueToEdn(values);
        }
    }

    @SuppressWarnings("unchecked")
    public MultiRegister {
        Objects.requireNonNull(initial, "initial");
        initial = (Map<Object, Object>) Values.norm(initial);
    }

    @Override
    public String name() {
        return "multi-register";
    }

    @Override
    public State init() {
        return new State(initial);
    }

    @Override
    public State step(State state, Op invocation, Op completion) {
        if (!invocation.f().equals("txn")) throw Values.unknownF(name(), invocation, ":txn");
        Op source = completion != null ? completion : invocation;
        if (!(source.value() instanceof List<?> micro)) {
            throw new IllegalArgumentException("op " + source.index() + " (:txn): expected a list of [:read k v] / [:write k v], found "
                    + source.value());
        }
        Map<Object, Object> values = state.values();
        boolean copied = false;
        for (Object m : micro) {
            if (!(m instanceof List<?> mop) || mop.size() != 3) {
                throw new IllegalArgumentException("op " + source.index() + " (:txn): expected [:read k v] or [:write k v], found " + m);
            }
            String f = Values.name(mop.get(0));
            Object key = Values.norm(mop.get(1));
            Object v = Values.norm(mop.get(2));
            if ("read".equals(f)) {
                if (completion == null || (v == null && knossos)) continue;
                if (!Objects.equals(v, values.get(key))) return null;
            } else if ("write".equals(f)) {
                if (!copied) {
                    values = new HashMap<>(values);
                    copied = true;
                }
                values.put(key, v);
            } else {
                throw new IllegalArgumentException("op " + source.index() + " (:txn): unknown micro-op " + m
                        + " (expected :read or :write)");
            }
        }
        return copied ? new State(Collections.unmodifiableMap(values)) : state;
    }

    /** Unknown txns all of whose writes put values no ok txn reads under that key. */
    @Override
    public Predicate<Op> omittable(History history) {
        Set<List<Object>> observed = new HashSet<>();
        for (Op op : history) {
            if (!op.isOk() || !(op.value() instanceof List<?> micro)) continue;
            for (Object m : micro) {
                if (m instanceof List<?> mop && mop.size() == 3 && "read".equals(Values.name(mop.get(0)))
                        && (mop.get(2) != null || !knossos)) {
                    observed.add(Arrays.asList(Values.norm(mop.get(1)), Values.norm(mop.get(2))));
                }
            }
        }
        return op -> {
            if (!(op.value() instanceof List<?> micro)) return false;
            for (Object m : micro) {
                if (!(m instanceof List<?> mop) || mop.size() != 3) return false;
                if ("write".equals(Values.name(mop.get(0)))
                        && observed.contains(Arrays.asList(Values.norm(mop.get(1)), Values.norm(mop.get(2))))) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public boolean constrainsNothing(Op invocation) {
        if (!(invocation.value() instanceof List<?> micro)) return false;
        for (Object m : micro) {
            if (!(m instanceof List<?> mop) || mop.isEmpty() || !"read".equals(Values.name(mop.get(0)))) return false;
        }
        return true;
    }
}
