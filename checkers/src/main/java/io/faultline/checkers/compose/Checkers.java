package io.faultline.checkers.compose;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import java.util.LinkedHashMap;
import java.util.Map;

/** Combinators of checkers. Stateless. */
public final class Checkers {

    private Checkers() {
    }

    /**
     * Runs several checkers on the same history, in order. The verdict combines theirs (false beats
     * unknown beats true); the details map each name to its {@link Result}. A checker that throws
     * counts as unknown ({@link Result#crashed}). Thread-safe if the parts are.
     *
     * @param named checkers by name, in the order to run and report them; not empty
     */
    public static Checker compose(Map<String, Checker> named) {
        if (named.isEmpty()) throw new IllegalArgumentException("compose needs at least one checker, got none");
        Map<String, Checker> copy = new LinkedHashMap<>(named);
        return history -> {
            Map<String, Object> details = new LinkedHashMap<>();
            Validity valid = Validity.TRUE;
            StringBuilder explanation = new StringBuilder();
            for (Map.Entry<String, Checker> e : copy.entrySet()) {
                Result r = safely(e.getValue(), history);
                details.put(e.getKey(), r);
                valid = valid.and(r.valid());
                if (explanation.length() > 0) explanation.append("; ");
                explanation.append(e.getKey()).append(": ").append(r.valid().label());
            }
            return new Result(valid, explanation.toString(), details);
        };
    }

    /**
     * Checks each key of an independent history ({@link History#byKey()}) with {@code perKey}, in
     * parallel on all cores; see {@link Independent}.
     */
    public static Checker independent(Checker perKey) {
        return new Independent(perKey, Runtime.getRuntime().availableProcessors());
    }

    /** Runs a checker, turning anything it throws (also errors) into an unknown result. */
    public static Result safely(Checker checker, History history) {
        try {
            Result r = checker.check(history);
            return r != null ? r : Result.unknown("checker returned no result");
        } catch (OutOfMemoryError e) {
            return Result.unknown("out of memory: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Result.crashed(e);
        }
    }
}
