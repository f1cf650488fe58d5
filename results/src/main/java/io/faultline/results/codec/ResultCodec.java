package io.faultline.results.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.op.Op;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import us.bpsm.edn.Keyword;

/**
 * Converts checker {@link Result}s to and from the store's JSON, and to Jepsen-readable EDN.
 *
 * <p>JSON: a result is {@code {"valid": true|false|"unknown", "explanation": "...", "details": {...}}};
 * a nested result inside details has the same shape, and {@link #fromJson(JsonNode)} turns every object
 * of exactly those three keys back into a {@code Result}. Keywords become strings with a leading colon
 * ({@code ":timeout"}), as in {@code history.jsonl}; ops become their JSON-lines objects; records become
 * objects of their components; enums their lower-case names; anything else its {@code toString()}.
 *
 * <p>EDN, as Jepsen writes {@code results.edn}: a result is a map {@code {:valid? true|false|:unknown,
 * :explanation "...", ...details}} whose detail keys become keywords when they are valid keyword names.
 * Stateless; thread-safe.
 */
public final class ResultCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=][A-Za-z0-9*+!_?<>=.\\-/]*|-[A-Za-z*+!_?<>=][A-Za-z0-9*+!_?<>=.\\-]*");

    private ResultCodec() {
    }

    /** The JSON tree of a result, nested results and records included. */
    public static ObjectNode toJson(Result result) {
        ObjectNode node = NODES.objectNode();
        node.set("valid", validityJson(result.valid()));
        node.put("explanation", result.explanation());
        ObjectNode details = NODES.objectNode();
        result.details().forEach((k, v) -> details.set(k, valueToJson(v)));
        node.set("details", details);
        return node;
    }

    /** The JSON value of one plain-data value, as {@link #toJson(Result)} writes details. */
    public static JsonNode valueToJson(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Result r) return toJson(r);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) return NODES.numberNode(((Number) v).doubleValue());
        if (v instanceof java.math.BigInteger b) return NODES.numberNode(b);
        if (v instanceof java.math.BigDecimal b) return NODES.numberNode(b);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Keyword k) return NODES.textNode(k.toString());
        if (v instanceof Validity validity) return validityJson(validity);
        if (v instanceof Op op) return opToJson(op);
        if (v instanceof Enum<?> e) return NODES.textNode(e.name().toLowerCase(java.util.Locale.ROOT));
        if (v instanceof Optional<?> o) return valueToJson(o.orElse(null));
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, val) -> o.set(keyName(k), valueToJson(val)));
            return o;
        }
        if (v instanceof Iterable<?> items) {
            ArrayNode a = NODES.arrayNode();
            items.forEach(item -> a.add(valueToJson(item)));
            return a;
        }
        if (v instanceof Object[] array) return valueToJson(List.of(array));
        if (v instanceof long[] array) {
            ArrayNode a = NODES.arrayNode();
            for (long l : array) a.add(l);
            return a;
        }
        if (v instanceof int[] array) {
            ArrayNode a = NODES.arrayNode();
            for (int i : array) a.add(i);
            return a;
        }
        if (v instanceof Record record) return recordToJson(record);
        return NODES.textNode(String.valueOf(v));
    }

    private static JsonNode opToJson(Op op) {
        try {
            return MAPPER.readTree(io.faultline.core.history.JsonLinesOps.toJson(op));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot re-read the JSON of op " + op.index(), e);
        }
    }

    private static JsonNode recordToJson(Record record) {
        ObjectNode o = NODES.objectNode();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                o.set(c.getName(), valueToJson(accessor.invoke(record)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                o.put(c.getName(), "<unreadable: " + e + ">");
            }
        }
        return o;
    }

    private static String keyName(Object k) {
        if (k instanceof Keyword kw) return kw.getName();
        if (k instanceof String s) return s;
        return k instanceof Op || k instanceof Collection<?> || k instanceof Map<?, ?>
                ? EdnOps.valueToEdn(k) : String.valueOf(k);
    }

    private static JsonNode validityJson(Validity v) {
        return v == Validity.UNKNOWN ? NODES.textNode("unknown") : NODES.booleanNode(v == Validity.TRUE);
    }

    /**
     * Reads a result back from {@link #toJson(Result)}'s shape. Details come back as plain data: numbers
     * as Long or Double, strings (a keyword stays its {@code ":name"} string), lists, maps with string keys,
     * and nested Results.
     *
     * @throws IllegalArgumentException naming what is missing when the node is not a result
     */
    public static Result fromJson(JsonNode node) {
        if (!isResult(node)) {
            throw new IllegalArgumentException("expected a result object {\"valid\", \"explanation\", \"details\"}, found "
                    + abbreviate(String.valueOf(node)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        node.get("details").fields().forEachRemaining(e -> details.put(e.getKey(), plain(e.getValue())));
        return new Result(validityOf(node.get("valid")), node.get("explanation").asText(), details);
    }

    private static boolean isResult(JsonNode n) {
        return n != null && n.isObject() && n.size() == 3 && n.has("valid") && n.get("explanation") != null
                && n.get("explanation").isTextual() && n.get("details") != null && n.get("details").isObject()
                && (n.get("valid").isBoolean() || "unknown".equals(n.get("valid").asText()));
    }

    private static Validity validityOf(JsonNode n) {
        return n.isBoolean() ? Validity.of(n.asBoolean()) : Validity.UNKNOWN;
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (isResult(n)) return fromJson(n);
        if (n.isIntegralNumber()) return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        if (n.isNumber()) return n.asDouble();
        if (n.isBoolean()) return n.asBoolean();
        if (n.isTextual()) return n.asText();
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(item -> out.add(plain(item)));
            return Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), plain(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The EDN text of a result as Jepsen writes results.edn, e.g. {@code {:valid? false, :lost #{3}}}. */
    public static String toEdn(Result result) {
        StringBuilder sb = new StringBuilder(256);
        appendResultEdn(sb, result);
        return sb.toString();
    }

    private static void appendResultEdn(StringBuilder sb, Result result) {
        sb.append("{:valid? ").append(result.valid() == Validity.UNKNOWN ? ":unknown" : result.valid() == Validity.TRUE);
        sb.append(", :explanation ").append(EdnOps.valueToEdn(result.explanation()));
        result.details().forEach((k, v) -> {
            sb.append(", ");
            appendKeyEdn(sb, k);
            sb.append(' ');
            appendEdn(sb, v);
        });
        sb.append('}');
    }

    private static void appendKeyEdn(StringBuilder sb, Object k) {
        if (k instanceof String s && KEYWORD_NAME.matcher(s).matches()) sb.append(':').append(s);
        else appendEdn(sb, k);
    }

    private static void appendEdn(StringBuilder sb, Object v) {
        if (v == null || v instanceof Long || v instanceof Boolean || v instanceof String || v instanceof Keyword) {
            sb.append(EdnOps.valueToEdn(v));
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof java.math.BigInteger) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) ? "##NaN" : Double.isInfinite(d) ? (d > 0 ? "##Inf" : "##-Inf") : Double.toString(d));
        } else if (v instanceof Result r) {
            appendResultEdn(sb, r);
        } else if (v instanceof Validity validity) {
            sb.append(validity == Validity.UNKNOWN ? ":unknown" : validity == Validity.TRUE);
        } else if (v instanceof Op op) {
            sb.append(EdnOps.toEdn(op));
        } else if (v instanceof Enum<?> e) {
            sb.append(':').append(e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        } else if (v instanceof Optional<?> o) {
            appendEdn(sb, o.orElse(null));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                appendKeyEdn(sb, e.getKey());
                sb.append(' ');
                appendEdn(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof java.util.Set<?> set) {
            appendSequence(sb, "#{", set, "}");
        } else if (v instanceof Iterable<?> items) {
            appendSequence(sb, "[", items, "]");
        } else if (v instanceof Object[] array) {
            appendSequence(sb, "[", List.of(array), "]");
        } else if (v instanceof long[] array) {
            appendSequence(sb, "[", java.util.Arrays.stream(array).boxed().toList(), "]");
        } else if (v instanceof int[] array) {
            appendSequence(sb, "[", java.util.Arrays.stream(array).boxed().toList(), "]");
        } else if (v instanceof Record record) {
            sb.append('{');
            boolean first = true;
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (!first) sb.append(", ");
                first = false;
                appendKeyEdn(sb, c.getName());
                sb.append(' ');
                try {
                    java.lang.reflect.Method accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    appendEdn(sb, accessor.invoke(record));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    appendEdn(sb, "<unreadable: " + e + ">");
                }
            }
            sb.append('}');
        } else if (v instanceof Number) {
            sb.append(v);
        } else {
            appendEdn(sb, String.valueOf(v));
        }
    }

    private static void appendSequence(StringBuilder sb, String open, Iterable<?> items, String close) {
        sb.append(open);
        boolean first = true;
        for (Object item : items) {
            if (!first) sb.append(' ');
            first = false;
            appendEdn(sb, item);
        }
        sb.append(close);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
