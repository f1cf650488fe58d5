package io.faultline.harness.shrink;

import io.faultline.harness.schedule.ScheduledFault;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Proposes smaller candidates, one at a time, from the verdicts of the previous ones; pure (no I/O, no
 * clock). First fewer faults: delta debugging (ddmin) over the schedule's entries, trying each of
 * {@code n} chunks, then (for {@code n > 2}) each complement, doubling {@code n} when none still fails.
 * Then, one setting at a time, each halved while the test still fails: a shorter time limit (never before
 * the last fault starts; first, since it makes every later run faster), the faults start earlier, the
 * faults are shorter, the time limit again, fewer clients, fewer keys (down to 1; a candidate
 * with keys 0 has none to shrink), a lower rate. A candidate already tried is not proposed again.
 *
 * <p>Use: {@code next()}, run it, {@code record(candidate, failed)}, until {@code next()} is empty.
 * {@link #best()} is the smallest candidate known to fail. Not thread-safe.
 */
public final class ShrinkPlanner {

    /** The shortest fault, start shift and time-limit step the planner proposes, ms. */
    static final long MIN_STEP_MILLIS = 500;

    private enum Stage { FAULTS, SETTINGS, DONE }

    private final List<UnaryOperator<Candidate>> steps = List.of(
            ShrinkPlanner::shorterTime, ShrinkPlanner::earlier, ShrinkPlanner::shorterFaults, ShrinkPlanner::shorterTime,
            ShrinkPlanner::fewerClients, ShrinkPlanner::fewerKeys, ShrinkPlanner::lowerRate);
    private final Set<Candidate> tried = new HashSet<>();
    private final Deque<Candidate> round = new ArrayDeque<>();
    private final Set<Candidate> complements = new HashSet<>();
    private Candidate best;
    private Candidate pending;
    private Stage stage = Stage.FAULTS;
    private boolean roundOpen;
    private int n = 2;
    private int step;

    /** @param failing the test known to fail (the original run's settings and executed schedule) */
    public ShrinkPlanner(Candidate failing) {
        best = failing;
        tried.add(failing);
    }

    /** The smallest candidate known to fail so far. */
    public Candidate best() {
        return best;
    }

    /**
     * The next candidate to run, or empty when the search is over.
     *
     * @throws IllegalStateException when the previous candidate's verdict was not recorded
     */
    public Optional<Candidate> next() {
        if (pending != null) throw new IllegalStateException("record the verdict of " + pending.describe() + " first");
        while (stage != Stage.DONE) {
            Candidate c = stage == Stage.FAULTS ? nextSchedule() : nextSetting();
            if (c == null) continue;
            if (tried.contains(c)) {
                if (stage == Stage.SETTINGS) step++;
                continue;
            }
            pending = c;
            return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The verdict of the candidate {@link #next()} gave: {@code failed} when it still shows the anomaly. */
    public void record(Candidate c, boolean failed) {
        if (!c.equals(pending)) throw new IllegalStateException("not the pending candidate: " + c.describe());
        pending = null;
        tried.add(c);
        if (stage == Stage.FAULTS) {
            if (failed) {
                n = complements.contains(c) ? Math.max(n - 1, 2) : 2;
                best = c;
                round.clear();
                complements.clear();
                roundOpen = false;
            }
        } else if (failed) {
            best = c;
        } else {
            step++;
        }
    }

    private Candidate nextSchedule() {
        List<ScheduledFault> faults = best.schedule();
        if (!round.isEmpty()) return round.poll();
        if (roundOpen) { // every candidate of the round passed
            roundOpen = false;
            if (n >= faults.size()) {
                stage = Stage.SETTINGS;
                return null;
            }
            n = Math.min(2 * n, faults.size());
        }
        if (faults.size() < 2) {
            stage = Stage.SETTINGS;
            return null;
        }
        n = Math.min(n, faults.size());
        List<List<ScheduledFault>> chunks = chunks(faults, n);
        for (List<ScheduledFault> chunk : chunks) round.add(best.withSchedule(chunk));
        if (n > 2) {
            for (int i = 0; i < chunks.size(); i++) {
                List<ScheduledFault> rest = new ArrayList<>();
                for (int j = 0; j < chunks.size(); j++) if (j != i) rest.addAll(chunks.get(j));
                Candidate c = best.withSchedule(rest);
                round.add(c);
                complements.add(c);
            }
        }
        roundOpen = true;
        return round.poll();
    }

    private Candidate nextSetting() {
        if (step >= steps.size()) {
            stage = Stage.DONE;
            return null;
        }
        Candidate c = steps.get(step).apply(best);
        if (c == null || c.equals(best)) {
            step++;
            return null;
        }
        return c;
    }

    /** {@code faults} in {@code n} contiguous chunks of nearly equal size. */
    static List<List<ScheduledFault>> chunks(List<ScheduledFault> faults, int n) {
        List<List<ScheduledFault>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (faults.size() - start) / (n - i);
            out.add(List.copyOf(faults.subList(start, end)));
            start = end;
        }
        return out;
    }

    private static Candidate earlier(Candidate c) {
        if (c.schedule().isEmpty()) return null;
        long first = c.schedule().get(0).atMillis();
        long shift = round(first / 2);
        if (shift < MIN_STEP_MILLIS) return null;
        return c.withSchedule(c.schedule().stream().map(f -> f.at(f.atMillis() - shift)).toList());
    }

    private static Candidate shorterFaults(Candidate c) {
        if (c.schedule().stream().noneMatch(f -> f.durationMillis() >= 2 * MIN_STEP_MILLIS)) return null;
        return c.withSchedule(c.schedule().stream()
                .map(f -> f.lasting(Math.max(MIN_STEP_MILLIS, round(f.durationMillis() / 2)))).toList());
    }

    private static Candidate shorterTime(Candidate c) {
        long lastStart = c.schedule().stream().mapToLong(ScheduledFault::atMillis).max().orElse(0);
        long floor = Math.max(lastStart + 2 * MIN_STEP_MILLIS, 1000);
        long next = Math.max(floor, round(c.timeLimitMillis() / 2));
        return next >= c.timeLimitMillis() ? null : c.withTimeLimit(next);
    }

    private static Candidate fewerClients(Candidate c) {
        return c.concurrency() <= 1 ? null : c.withConcurrency(c.concurrency() / 2);
    }

    private static Candidate fewerKeys(Candidate c) {
        return c.keys() <= 1 ? null : c.withKeys(c.keys() / 2);
    }

    private static Candidate lowerRate(Candidate c) {
        return c.rate() <= 1 ? null : c.withRate(Math.max(1, Math.floor(c.rate() / 2)));
    }

    private static long round(long millis) {
        return millis / 100 * 100;
    }
}
