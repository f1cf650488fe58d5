package io.faultline.harness.shrink;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.results.codec.ResultCodec;
import io.faultline.results.report.ShrunkCounterexample;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * The shrunk counterexample a report draws beside the counterexample: for the first key an independent
 * linearizability check found invalid ({@code false-keys}, with the model its failure names), the smallest
 * set of that key's ops still invalid ({@link CounterexampleShrinker}). Bounded, so writing a report stays
 * quick: a key with more than {@link #MAX_OPS} ops is skipped, and the shrinking stops at a deadline with
 * what it has (still invalid, not minimal); the note says which. Stateless; thread-safe.
 */
public final class ShrunkCounterexamples {

    /** Keys with more ops than this are not shrunk when a report is written. */
    public static final int MAX_OPS = 600;
    /** How long shrinking may take when a report is written. */
    public static final Duration BUDGET = Duration.ofSeconds(20);

    private ShrunkCounterexamples() {
    }

    /** With {@link #BUDGET} and the system clock. */
    public static ShrunkCounterexample of(Result result, History history) {
        return of(result, history, BUDGET, System::nanoTime);
    }

    /**
     * @param result the run's combined result
     * @param history its history
     * @param budget how long the shrinking may take
     * @param nanoTime the clock the budget is measured on
     * @return null when the result has no invalid key of a model the checkers know; else the shrunk ops, or
     *         none with a note saying why (too many ops, the key alone is not invalid)
     */
    public static ShrunkCounterexample of(Result result, History history, Duration budget, LongSupplier nanoTime) {
        JsonNode failing = firstFalseKey(ResultCodec.toJson(result), 0);
        if (failing == null) return null;
        String key = failing.path("key").asText();
        String model = failing.path("model").asText();
        Checker checker;
        try {
            checker = Analysis.checkerFor(model, true, null, false, budget);
        } catch (IllegalArgumentException unknownModel) {
            return null;
        }
        int keyOps = CounterexampleShrinker.pairs(history, key).stream().mapToInt(java.util.List::size).sum();
        if (keyOps > MAX_OPS) {
            return new ShrunkCounterexample(key, model, java.util.List.of(), keyOps, false, "Not shrunk: key " + key + " has "
                    + keyOps + " ops, more than the " + MAX_OPS + " shrunk when a report is written; 'faultline shrink' does it.");
        }
        long start = nanoTime.getAsLong();
        CounterexampleShrinker.Shrunk s = CounterexampleShrinker.shrinkWithin(history, key, checker,
                () -> nanoTime.getAsLong() - start > budget.toNanos());
        if (s.ops().isEmpty()) {
            return new ShrunkCounterexample(key, model, s.ops(), s.from(), false, "Not shrunk: key " + key
                    + "'s own ops are not found invalid when checked alone (e.g. the check ran out of time).");
        }
        String how = "Operations were removed one at a time while the verdict stayed false ("
                + Math.round((nanoTime.getAsLong() - start) / 1e6) + " ms).";
        return new ShrunkCounterexample(key, model, s.ops(), s.from(), s.minimal(), s.minimal() ? how
                : "stopped after " + budget.toSeconds() + " s with what it had (still invalid).");
    }

    /** The first key an independent check found invalid (as EDN), depth-first; null when none names a model. */
    public static String firstFalseKey(Result result) {
        JsonNode found = firstFalseKey(ResultCodec.toJson(result), 0);
        return found == null ? null : found.path("key").asText();
    }

    /** The first {@code {key, model}} of a result with {@code false-keys}, depth-first; null when none. */
    private static JsonNode firstFalseKey(JsonNode node, int depth) {
        if (node == null || depth > 8 || !node.isContainerNode()) return null;
        JsonNode keys = node.path("false-keys");
        if (keys.isArray() && !keys.isEmpty()) {
            String key = keys.get(0).asText();
            JsonNode failure = node.path("failures").path(key);
            String model = failure.path("details").path("model").asText(failure.path("details").path("counterexample")
                    .path("model").asText(""));
            if (!model.isEmpty()) {
                return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("key", key).put("model", model);
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode found = firstFalseKey(it.next(), depth + 1);
            if (found != null) return found;
        }
        return null;
    }
}
