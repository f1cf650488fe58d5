package io.faultline.checkers;

import io.faultline.checkers.compose.Checkers;
import io.faultline.checkers.compose.SplitIndependent;
import io.faultline.checkers.linearizability.Counterexample;
import io.faultline.checkers.linearizability.Counterexample.OpSummary;
import io.faultline.checkers.linearizability.Counterexample.ReachableState;
import io.faultline.checkers.linearizability.Linearizability;
import io.faultline.checkers.linearizability.Options;
import io.faultline.checkers.model.Model;
import io.faultline.checkers.model.Models;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.SplitByKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entry point of {@code faultline analyze}: a checker from command-line choices, and a text rendering. */
public final class Analysis {

    private Analysis() {
    }

    /**
     * The linearizability checker for {@code faultline analyze}.
     *
     * @param model       one of {@link Models#NAMES}
     * @param independent whether values are {@code [key value]} tuples to check key by key, in parallel
     * @param initial     the initial state as parsed EDN, or null for the model's default (nil for registers)
     * @param knossos     Knossos' semantics: a read completing with nil is always legal
     * @param timeLimit   the budget of the whole check (all keys together), or null for none
     * @return a thread-safe checker; never true on timeout, memory exhaustion or error (unknown instead)
     * @throws IllegalArgumentException naming an unknown model or an initial value of the wrong kind
     */
    public static Checker checkerFor(String model, boolean independent, Object initial, boolean knossos,
                                     Duration timeLimit) {
        Model<?> m = Models.byName(model, initial, knossos);
        Options base = Options.defaults().withTimeLimit(timeLimit);
        if (!independent) return Linearizability.checker(m, base);
        return history -> Checkers.independent(perKey(m, base, timeLimit, THREADS)).check(history);
    }

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    /** The per-key checker of an independent check starting now: one deadline for all keys, the cache split. */
    private static Checker perKey(Model<?> m, Options base, Duration timeLimit, int threads) {
        Options shared = timeLimit == null ? base : base.withDeadline(System.nanoTime() + timeLimit.toNanos());
        return Linearizability.checker(m, shared.withCacheLimits(shared.maxCacheStates(), shared.maxCacheBytes() / threads));
    }

    /**
     * Checks an independent history split by key on disk, with the verdict {@code checkerFor(model, true,
     * initial, knossos, timeLimit)} gives for the whole history in memory.
     *
     * @throws IllegalArgumentException as {@link #checkerFor}
     */
    public static Result checkSplit(String model, Object initial, boolean knossos, Duration timeLimit, SplitByKey split) {
        Model<?> m = Models.byName(model, initial, knossos);
        Options base = Options.defaults().withTimeLimit(timeLimit);
        return SplitIndependent.check(split, perKey(m, base, timeLimit, THREADS), THREADS);
    }

    /**
     * A few lines for a terminal: the verdict and explanation, then for an invalid linearizability result
     * (also nested under {@code first-failure} or named sub-results) the op that cannot be linearized, the
     * states reachable before it and the concurrent ops.
     */
    public static List<String> render(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("valid: " + result.valid().label());
        lines.add(result.explanation());
        Counterexample ce = findCounterexample(result, 0);
        if (ce != null) {
            OpSummary op = ce.op();
            lines.add("cannot linearize: " + line(op));
            for (ReachableState s : ce.reachable()) {
                StringBuilder sb = new StringBuilder("  from state " + s.state() + " after " + s.linearized() + " ops");
                if (!s.lastLinearized().isEmpty()) {
                    OpSummary last = s.lastLinearized().get(s.lastLinearized().size() - 1);
                    sb.append(", last ").append(last.description()).append(" (op ").append(last.index()).append(')');
                }
                lines.add(sb.toString());
            }
            if (!ce.concurrent().isEmpty()) lines.add("concurrent with:");
            for (OpSummary c : ce.concurrent().subList(0, Math.min(10, ce.concurrent().size()))) lines.add("  " + line(c));
            if (ce.concurrent().size() > 10) lines.add("  ... " + (ce.concurrent().size() - 10) + " more");
        }
        return lines;
    }

    private static String line(OpSummary op) {
        return "op " + op.index() + (op.completionIndex() >= 0 ? ".." + op.completionIndex() : "") + " process "
                + op.process() + " " + op.description() + " (" + op.type() + ")";
    }

    private static Counterexample findCounterexample(Object node, int depth) {
        if (depth > 4) return null;
        if (node instanceof Counterexample ce) return ce;
        if (node instanceof Result r) {
            Object direct = r.details().get("counterexample");
            if (direct instanceof Counterexample ce) return ce;
            Object first = r.details().get("first-failure");
            if (first != null) return findCounterexample(first, depth + 1);
            for (Object v : r.details().values()) {
                if (v instanceof Result || v instanceof Map) {
                    Counterexample ce = findCounterexample(v, depth + 1);
                    if (ce != null) return ce;
                }
            }
        }
        if (node instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                Counterexample ce = findCounterexample(v, depth + 1);
                if (ce != null) return ce;
            }
        }
        return null;
    }
}
