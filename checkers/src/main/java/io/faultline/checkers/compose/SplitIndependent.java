package io.faultline.checkers.compose;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.history.SplitByKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks an independent history split by key on disk ({@link SplitByKey}) key by key, giving the verdict
 * {@link Independent} gives for the same history in memory: the same keys, results, details and
 * explanation. Partitions are read back and checked on {@code threads} threads, each partition's keys in
 * turn, so the heap holds a few partitions at a time. Never true by default: a partition that cannot be
 * read back or checked (also out of memory) makes the verdict unknown. Stateless.
 */
public final class SplitIndependent {

    private SplitIndependent() {
    }

    /** Checks each key of {@code split} with {@code perKey} on {@code threads} threads (at least 1). */
    public static Result check(SplitByKey split, Checker perKey, int threads) {
        List<Object> keys = split.keys();
        if (split.unkeyedClientOps() > 0) {
            return Result.unknown(split.unkeyedClientOps() + " of " + split.clientOps()
                    + " client ops have no [key value] tuple; is this history independent (multi-key)?")
                    .with("keys", keys.size());
        }
        if (keys.isEmpty()) return Result.valid("no client ops to check").with("keys", 0);
        Result[] results = new Result[keys.size()];
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, split.partitions())), r -> {
            Thread t = new Thread(r, "split-independent-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < split.partitions(); i++) {
                int partition = i;
                futures.add(pool.submit(() -> {
                    Map<Integer, History> byKey = split.partition(partition);
                    byKey.forEach((id, history) -> results[id] = Checkers.safely(perKey, history.compacted()));
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.unknown("interrupted while checking keys");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                return Result.unknown("out of memory while reading back a partition of keys: " + oom.getMessage());
            }
            return Result.crashed(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) return Result.unknown("key " + keys.get(i) + " was never checked");
        }
        return Independent.combine(keys, results);
    }
}
