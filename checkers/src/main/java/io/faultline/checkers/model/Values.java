package io.faultline.checkers.model;

import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/** Helpers the models share: normalising numbers and reading op values. Stateless. */
final class Values {

    private Values() {
    }

    /** Integers of any width as Long, collections normalised recursively; other values unchanged. */
    static Object norm(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(norm(o));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Set<?> set) {
            Set<Object> out = new HashSet<>();
            for (Object o : set) out.add(norm(o));
            return Collections.unmodifiableSet(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new HashMap<>();
            map.forEach((k, x) -> out.put(norm(k), norm(x)));
            return Collections.unmodifiableMap(out);
        }
        return v;
    }

    /** The name of a keyword or string, else null. */
    static String name(Object v) {
        if (v instanceof Keyword k) return k.getName();
        if (v instanceof String s) return s;
        return null;
    }

    /** A value that must be a two-element list, e.g. a cas {@code [expected new]}. */
    static List<?> pair(Op op, String what) {
        if (op.value() instanceof List<?> l && l.size() == 2) return l;
        throw new IllegalArgumentException("op " + op.index() + " (:" + op.f() + "): expected a value " + what
                + ", found " + op.value());
    }

    /** A collection value (set or list) as a set, for set reads. */
    static Set<Object> asSet(Op op) {
        if (op.value() instanceof Collection<?> c) {
            Set<Object> out = new HashSet<>();
            for (Object o : c) out.add(norm(o));
            return out;
        }
        throw new IllegalArgumentException("op " + op.index() + " (:" + op.f() + "): expected a set or list value, found "
                + op.value());
    }

    static IllegalArgumentException unknownF(String model, Op op, String known) {
        return new IllegalArgumentException("model " + model + " does not know :f :" + op.f() + " (op " + op.index()
                + "); it knows " + known);
    }
}
