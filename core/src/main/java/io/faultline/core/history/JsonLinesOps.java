package io.faultline.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * Ops as JSON lines: {@code {"index":7,"time":129,"type":"info","process":3,"f":"write","value":4,"error":":timeout"}}.
 *
 * <p>JSON has no keywords: a keyword is written as a string starting with a colon ({@code ":timeout"})
 * and read back as a keyword; the nemesis process is {@code "nemesis"}. Sets become arrays. Thread-safe.
 */
public final class JsonLinesOps {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonLinesOps() {
    }

    /** One JSON object, without a newline. */
    public static String toJson(Op op) {
        ObjectNode node = NODES.objectNode();
        if (op.index() >= 0) node.put("index", op.index());
        if (op.time() >= 0) node.put("time", op.time());
        node.put("type", op.type().keywordName());
        if (op.isNemesis()) node.put("process", "nemesis");
        else node.put("process", op.process());
        node.put("f", op.f());
        node.set("value", toNode(op.value()));
        if (op.error() != null) node.set("error", toNode(op.error()));
        op.extra().forEach((k, v) -> node.set(k, toNode(v)));
        return node.toString();
    }

    static Op fromJson(JsonNode node) {
        if (!node.isObject()) throw new IllegalArgumentException("expected a JSON object, found " + node.getNodeType());
        long index = node.path("index").asLong(-1);
        long time = node.path("time").asLong(-1);
        JsonNode type = node.get("type");
        JsonNode f = node.get("f");
        JsonNode process = node.get("process");
        if (type == null || !type.isTextual()) throw new IllegalArgumentException("op has no \"type\" string");
        if (f == null || !f.isTextual()) throw new IllegalArgumentException("op has no \"f\" string");
        if (process == null) throw new IllegalArgumentException("op has no \"process\"");
        int proc;
        if (process.isTextual() && process.asText().replace(":", "").equals("nemesis")) proc = Op.NEMESIS;
        else if (process.canConvertToInt() && process.asInt() >= 0) proc = process.asInt();
        else throw new IllegalArgumentException("\"process\" must be a non-negative integer or \"nemesis\", found " + process);
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Set.of("index", "time", "type", "f", "process", "value", "error").contains(e.getKey())
                    && !e.getValue().isNull()) { // a null key is an absent key
                extra.put(e.getKey(), fromNode(e.getValue()));
            }
        }
        return new Op(index, time, OpType.ofKeyword(type.asText().replace(":", "")), proc,
                f.asText().replace(":", ""), fromNode(node.get("value")), fromNode(node.get("error")), extra);
    }

    private static JsonNode toNode(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Keyword k) return NODES.textNode(k.toString());
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, val) -> o.set(k instanceof Keyword kw ? kw.getName() : String.valueOf(k), toNode(val)));
            return o;
        }
        if (v instanceof Iterable<?> items) {
            ArrayNode a = NODES.arrayNode();
            items.forEach(item -> a.add(toNode(item)));
            return a;
        }
        return NODES.textNode(String.valueOf(v));
    }

    private static Object fromNode(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return null;
        if (n.isIntegralNumber()) return n.asLong();
        if (n.isNumber()) return n.asDouble();
        if (n.isBoolean()) return n.asBoolean();
        if (n.isTextual()) {
            String s = n.asText();
            return s.length() > 1 && s.charAt(0) == ':' ? Keyword.newKeyword(s.substring(1)) : s;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>(n.size());
            n.forEach(item -> out.add(fromNode(item)));
            return Collections.unmodifiableList(out);
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(Keyword.newKeyword(e.getKey()), fromNode(e.getValue())));
        return Collections.unmodifiableMap(out);
    }
}
