package io.faultline.checkers.compose;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an independent (multi-key) history key by key, in parallel. The verdict combines the keys'
 * (false beats unknown beats true; a history without client ops is true; client ops without a
 * {@code [key value]} tuple make it unknown, since they would go unchecked).
 * Details: {@code keys} (count), {@code valid-keys}, {@code failures} (key as EDN to its result, for keys
 * false or unknown, at most 100, false first), and {@code first-failure}, the first false key's result.
 * Each key's view ({@link History#byKey()}) is checked as a compacted copy ({@link History#compacted()}),
 * made by the thread that checks it and dropped after, so the heap holds a copy of the keys in flight only.
 * Thread-safe; each check uses its own pool of {@code threads} daemon threads.
 */
public final class Independent implements Checker {

    private static final int MAX_REPORTED = 100;

    private final Checker perKey;
    private final int threads;

    /** A checker of each key with {@code perKey} on {@code threads} threads (at least 1). */
    public Independent(Checker perKey, int threads) {
        this.perKey = perKey;
        this.threads = Math.max(1, threads);
    }

    @Override
    public Result check(History history) {
        Map<Object, History> keys = history.byKey();
        long clientOps = history.positions().filter(p -> !history.isNemesis(p)).count();
        long keyed = 0;
        for (History sub : keys.values()) keyed += sub.size();
        if (keyed < clientOps) {
            return Result.unknown((clientOps - keyed) + " of " + clientOps
                    + " client ops have no [key value] tuple; is this history independent (multi-key)?")
                    .with("keys", keys.size());
        }
        if (keys.isEmpty()) return Result.valid("no client ops to check").with("keys", 0);
        List<Object> order = new ArrayList<>(keys.keySet());
        Result[] results = new Result[order.size()];
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, order.size()), r -> {
            Thread t = new Thread(r, "independent-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>(order.size());
            for (Object key : order) {
                History sub = keys.get(key);
                futures.add(pool.submit(() -> Checkers.safely(perKey, sub.compacted())));
            }
            for (int i = 0; i < results.length; i++) results[i] = futures.get(i).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unknown("interrupted while checking keys");
        } catch (ExecutionException e) {
            return Result.crashed(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return combine(order, results);
    }

    /**
     * The verdict of a multi-key history from its keys' results, in key order (also for {@link SplitIndependent}).
     */
    static Result combine(List<Object> order, Result[] results) {
        Validity valid = Validity.TRUE;
        int ok = 0;
        Map<String, Object> failures = new LinkedHashMap<>();
        List<String> falseKeys = new ArrayList<>();
        List<String> unknownKeys = new ArrayList<>();
        Result firstFalse = null;
        Result firstUnknown = null;
        for (Validity pass : new Validity[] {Validity.FALSE, Validity.UNKNOWN}) {
            for (int i = 0; i < results.length; i++) {
                Result r = results[i];
                if (r.valid() != pass) continue;
                String key = EdnOps.valueToEdn(order.get(i));
                (pass == Validity.FALSE ? falseKeys : unknownKeys).add(key);
                if (failures.size() < MAX_REPORTED) failures.put(key, r);
                if (pass == Validity.FALSE && firstFalse == null) firstFalse = r;
                if (pass == Validity.UNKNOWN && firstUnknown == null) firstUnknown = r;
            }
        }
        for (Result r : results) {
            valid = valid.and(r.valid());
            if (r.valid() == Validity.TRUE) ok++;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keys", results.length);
        details.put("valid-keys", ok);
        details.put("false-keys", falseKeys);
        details.put("unknown-keys", unknownKeys);
        details.put("failures", failures);
        if (firstFalse != null) details.put("first-failure", firstFalse);
        String explanation;
        if (valid == Validity.TRUE) {
            explanation = "all " + results.length + " keys valid";
        } else if (!falseKeys.isEmpty()) {
            explanation = falseKeys.size() + " of " + results.length + " keys invalid: " + abbreviate(falseKeys)
                    + "; first: " + firstFalse.explanation();
        } else {
            explanation = unknownKeys.size() + " of " + results.length + " keys unknown: " + abbreviate(unknownKeys)
                    + "; first: " + firstUnknown.explanation();
        }
        return new Result(valid, explanation, details);
    }

    private static String abbreviate(List<String> keys) {
        return keys.size() <= 10 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 10)) + ", ...";
    }
}
