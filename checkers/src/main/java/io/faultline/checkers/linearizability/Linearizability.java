package io.faultline.checkers.linearizability;

import io.faultline.checkers.linearizability.Counterexample.OpSummary;
import io.faultline.checkers.linearizability.Counterexample.ReachableState;
import io.faultline.checkers.model.Model;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linearizability checker: is there a total order of the history's operations, consistent with
 * real time, that the model accepts?
 *
 * <p>Semantics: {@code :fail} ops did not happen and are dropped; {@code :info} ops and invocations that
 * never completed may take effect at any time after their invocation, or never; nemesis ops are ignored.
 * Verdicts: true (a linearization exists), false (with a {@link Counterexample} under the detail
 * {@code "counterexample"}), unknown when a budget of {@link Options} runs out ("timed out after PT10S",
 * "out of memory: cache of N states") or the search throws (also OutOfMemoryError). Never true by default.
 */
public final class Linearizability {

    private Linearizability() {
    }

    /** A checker of one history (one key) against a model; thread-safe, each check searches afresh. */
    public static Checker checker(Model<?> model, Options options) {
        return history -> check(model, options, history);
    }

    /** Checks one history; never throws, never returns null. */
    public static Result check(Model<?> model, Options options, History history) {
        long start = System.nanoTime();
        try {
            return run(model, options, history, start);
        } catch (OutOfMemoryError e) {
            return Result.unknown("out of memory while searching (" + e.getMessage() + ")").with("model", model.name());
        } catch (RuntimeException | StackOverflowError e) {
            return Result.crashed(e).with("model", model.name());
        }
    }

    private static <S> Result run(Model<S> model, Options options, History history, long start) {
        long deadline = options.deadlineFrom(start);
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            return Result.unknown("timed out after " + options.timeLimit() + " (before this check started)")
                    .with("model", model.name());
        }
        Search<S> search = new Search<>(model, history);
        Search.Outcome outcome = search.run(deadline, options.maxCacheStates(), options.maxCacheBytes());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model.name());
        details.put("ops", search.calls());
        details.put("cache-states", search.cacheSize());
        details.put("check-ms", (System.nanoTime() - start) / 1_000_000);
        return switch (outcome) {
            case LINEARIZABLE -> new Result(io.faultline.core.checker.Validity.TRUE,
                    "linearizable against " + model.name() + " (" + search.calls() + " ops)", details);
            case TIMED_OUT -> new Result(io.faultline.core.checker.Validity.UNKNOWN,
                    "timed out after " + options.timeLimit(), details);
            case CACHE_FULL -> new Result(io.faultline.core.checker.Validity.UNKNOWN,
                    "out of memory: cache of " + search.cacheSize() + " states (~" + search.cacheBytes() / (1 << 20)
                            + " MB)", details);
            case NOT_LINEARIZABLE -> {
                Counterexample ce = counterexample(model, search);
                details.put("counterexample", ce);
                yield Result.invalid("not linearizable against " + model.name() + ": no order of the ops linearizes "
                        + ce.op().description() + " by process " + ce.op().process() + " (op " + ce.op().index() + ")", details);
            }
        };
    }

    private static <S> Counterexample counterexample(Model<S> model, Search<S> search) {
        int blocked = search.blockedCall();
        List<OpSummary> concurrent = new ArrayList<>();
        for (int c : search.concurrentWith(blocked, 32)) concurrent.add(summary(model, search, c));
        List<ReachableState> reachable = new ArrayList<>();
        for (Search.Stuck<S> s : search.stuckStates()) {
            List<OpSummary> last = new ArrayList<>();
            for (int c : s.lastCalls()) last.add(summary(model, search, c));
            reachable.add(new ReachableState(model.describe(s.state()), s.linearized(), last));
        }
        return new Counterexample(model.name(), summary(model, search, blocked), concurrent, reachable);
    }

    private static <S> OpSummary summary(Model<S> model, Search<S> search, int call) {
        Op inv = search.invocation(call);
        Op done = search.completion(call);
        Object value = done != null && done.value() != null ? done.value() : inv.value();
        String type = done != null ? done.type().keywordName() : "info";
        return new OpSummary(inv.index(), done == null ? -1 : done.index(), inv.process(), type, inv.f(),
                EdnOps.valueToEdn(value), model.describeOp(inv, done), inv.time(), done == null ? -1 : done.time());
    }
}
