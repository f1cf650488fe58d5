package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.printer.Printers;

/**
 * Converts between {@link Op} records and EDN maps as Jepsen writes them, e.g.
 * {@code {:index 7, :time 12967386622, :type :info, :process 3, :f :write, :value 4, :error :timeout}}.
 * Stateless and thread-safe.
 */
public final class EdnOps {

    private static final Keyword INDEX = Keyword.newKeyword("index");
    private static final Keyword TIME = Keyword.newKeyword("time");
    private static final Keyword TYPE = Keyword.newKeyword("type");
    private static final Keyword PROCESS = Keyword.newKeyword("process");
    private static final Keyword F = Keyword.newKeyword("f");
    private static final Keyword VALUE = Keyword.newKeyword("value");
    private static final Keyword ERROR = Keyword.newKeyword("error");
    private static final Keyword NEMESIS = Keyword.newKeyword("nemesis");

    private EdnOps() {
    }

    /**
     * Builds an op from a parsed EDN map.
     *
     * @throws IllegalArgumentException naming the key that is missing or of the wrong kind
     */
    public static Op fromEdn(Object parsed) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected an op map like {:type :invoke, :process 0, :f :read, :value nil}, found "
                    + describe(parsed));
        }
        long index = -1;
        long time = -1;
        OpType type = null;
        Integer process = null;
        String f = null;
        Object value = null;
        Object error = null;
        Map<String, Object> extra = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof Keyword k)) {
                throw new IllegalArgumentException("op keys must be keywords, found " + describe(e.getKey()));
            }
            Object v = e.getValue();
            switch (k.getName()) {
                case "index" -> index = asLong(v, "index");
                case "time" -> time = asLong(v, "time");
                case "type" -> type = OpType.ofKeyword(asName(v, "type"));
                case "process" -> process = asProcess(v);
                case "f" -> f = asName(v, "f");
                case "value" -> value = normalize(v);
                case "error" -> error = normalize(v);
                default -> {
                    if (v == null) continue; // a nil key is an absent key
                    if (extra == null) extra = new LinkedHashMap<>();
                    extra.put(k.getName(), normalize(v));
                }
            }
        }
        if (type == null) throw new IllegalArgumentException("op has no :type (expected :invoke, :ok, :fail or :info)");
        if (f == null) throw new IllegalArgumentException("op has no :f (expected a keyword such as :read)");
        if (process == null) throw new IllegalArgumentException("op has no :process (expected an integer or :nemesis)");
        return new Op(index, time, type, process, f, value, error, extra);
    }

    /** One EDN map, without a newline. */
    public static String toEdn(Op op) {
        StringBuilder sb = new StringBuilder(96);
        sb.append('{');
        if (op.index() >= 0) sb.append(":index ").append(op.index()).append(", ");
        if (op.time() >= 0) sb.append(":time ").append(op.time()).append(", ");
        sb.append(":type :").append(op.type().keywordName());
        sb.append(", :process ");
        if (op.isNemesis()) sb.append(":nemesis");
        else sb.append(op.process());
        sb.append(", :f :").append(op.f());
        sb.append(", :value ");
        appendValue(sb, op.value());
        if (op.error() != null) {
            sb.append(", :error ");
            appendValue(sb, op.error());
        }
        for (Map.Entry<String, Object> e : op.extra().entrySet()) {
            sb.append(", :").append(e.getKey()).append(' ');
            appendValue(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /** Renders a value as EDN (nil, numbers, strings, keywords, vectors, sets, maps). */
    public static String valueToEdn(Object value) {
        StringBuilder sb = new StringBuilder();
        appendValue(sb, value);
        return sb.toString();
    }

    private static void appendValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("nil");
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Keyword k) {
            sb.append(k);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(' ');
                appendValue(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Set<?> set) {
            sb.append("#{");
            boolean first = true;
            for (Object o : set) {
                if (!first) sb.append(' ');
                first = false;
                appendValue(sb, o);
            }
            sb.append('}');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                appendValue(sb, e.getKey());
                sb.append(' ');
                appendValue(sb, e.getValue());
            }
            sb.append('}');
        } else {
            sb.append(Printers.printString(Printers.defaultPrinterProtocol(), v));
        }
    }

    /**
     * Turns parsed EDN into the plain immutable data {@link Op} holds: integers as Long, vectors and
     * lists as unmodifiable lists, symbols as strings.
     */
    public static Object normalize(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Keyword || v instanceof Boolean
                || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof java.math.BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : b;
        if (v instanceof Symbol s) return s.toString();
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(normalize(o));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object o : set) out.add(normalize(o));
            return Collections.unmodifiableSet(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(normalize(k), normalize(val)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof Collection<?> c) {
            return normalize(new ArrayList<>(c));
        }
        return v;
    }

    private static long asLong(Object v, String key) {
        if (v instanceof Long l) return l;
        if (v instanceof Integer i) return i;
        throw new IllegalArgumentException(":" + key + " must be an integer, found " + describe(v));
    }

    private static String asName(Object v, String key) {
        if (v instanceof Keyword k) return k.getName();
        if (v instanceof String s) return s;
        if (v instanceof Symbol s) return s.getName();
        throw new IllegalArgumentException(":" + key + " must be a keyword, found " + describe(v));
    }

    private static int asProcess(Object v) {
        if (NEMESIS.equals(v)) return Op.NEMESIS;
        if (v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) return l.intValue();
        if (v instanceof Integer i && i >= 0) return i;
        throw new IllegalArgumentException(":process must be a non-negative integer or :nemesis, found " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) return "nil";
        String s = v instanceof Keyword || v instanceof Number ? v.toString()
                : v.getClass().getSimpleName() + " " + v;
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
