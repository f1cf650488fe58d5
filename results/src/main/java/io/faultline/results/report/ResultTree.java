package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Walks the JSON tree of a result ({@code ResultCodec.toJson}): the result itself, nested results in its
 * details (sub-checkers), and results further down in maps and lists (per-key results of independent
 * checks). Paths name the way down, e.g. {@code linear / keys / 3}. Stateless.
 */
final class ResultTree {

    /** Deeper than this, nothing is visited: the tree comes from data, and data may be deep. */
    private static final int MAX_DEPTH = 12;

    private ResultTree() {
    }

    static boolean isResult(JsonNode n) {
        return n != null && n.isObject() && n.has("valid") && n.has("explanation") && n.has("details")
                && n.get("details").isObject();
    }

    /** Each result node with its path ("" for the root) and its nesting depth among results. */
    static void visitResults(JsonNode root, ResultVisitor visitor) {
        visit(root, "", 0, 0, visitor);
    }

    private static void visit(JsonNode node, String path, int depth, int resultDepth, ResultVisitor visitor) {
        if (depth > MAX_DEPTH || node == null) return;
        if (isResult(node)) {
            visitor.visit(path, resultDepth, node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("details").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                visit(e.getValue(), join(path, e.getKey()), depth + 1, resultDepth + 1, visitor);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                visit(e.getValue(), join(path, e.getKey()), depth + 1, resultDepth, visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 10_000; i++) {
                visit(node.get(i), join(path, Integer.toString(i)), depth + 1, resultDepth, visitor);
            }
        }
    }

    /** Each detail value (not descending into results) under any result, with its path and key. */
    static void visitDetails(JsonNode root, BiConsumer<String, Map.Entry<String, JsonNode>> visitor) {
        visitResults(root, (path, depth, result) -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = result.get("details").fields(); it.hasNext(); ) {
                visitor.accept(path, it.next());
            }
        });
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + " / " + key;
    }

    /** The verdict label of a result node: true, false or unknown. */
    static String verdict(JsonNode result) {
        JsonNode v = result.get("valid");
        return v.isBoolean() ? Boolean.toString(v.asBoolean()) : "unknown";
    }

    /** The checkers' verdicts, the root first, depth-first. */
    static List<ReportModel.CheckerVerdict> verdicts(JsonNode root) {
        List<ReportModel.CheckerVerdict> out = new ArrayList<>();
        visitResults(root, (path, depth, result) -> out.add(new ReportModel.CheckerVerdict(
                path.isEmpty() ? "overall" : path, depth, verdict(result), result.get("explanation").asText())));
        return out;
    }

    @FunctionalInterface
    interface ResultVisitor {
        void visit(String path, int depth, JsonNode result);
    }
}
