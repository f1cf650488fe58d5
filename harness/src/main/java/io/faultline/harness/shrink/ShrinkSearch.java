package io.faultline.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The search of {@code faultline shrink}: asks a {@link ShrinkPlanner} for candidates and runs each up to
 * {@code tries} times through a {@link Trial} (stopping at the first try that shows one of the original's
 * anomaly kinds: the candidate fails). The budget is checked on the injected clock before each candidate:
 * the search ends when what is left would not cover both a next candidate ({@code tries} runs of the average
 * length, at worst) and the final check ({@code tries} runs of the best candidate's own length, measured when
 * it was tried, else the average), so that the whole search stays within the budget when run lengths hold.
 * The final check runs the best candidate {@code tries} times in full and
 * reports how often it failed (e.g. 3 of 3). {@link #stop()} (Ctrl-C) ends the search after the try in
 * progress; the best found so far is kept, and the final check is skipped.
 */
public final class ShrinkSearch {

    /** One run of a candidate (e.g. a real {@code faultline test}); returns what it showed. */
    @FunctionalInterface
    public interface Trial {
        TryResult run(Candidate candidate) throws Exception;
    }

    /**
     * What one run showed.
     *
     * @param kinds        its anomaly kinds ({@link AnomalyKinds}); empty when valid
     * @param runDirectory where it was stored; may be empty
     */
    public record TryResult(List<String> kinds, String runDirectory) {
        public TryResult {
            kinds = List.copyOf(kinds);
        }
    }

    /** Hears of each candidate's verdict as the search goes (for the progress line). */
    @FunctionalInterface
    public interface Listener {
        void tried(Step step, Candidate best, int runs, long elapsedMillis);
    }

    /**
     * One candidate tried.
     *
     * @param number   1, 2, ... in the order tried
     * @param phase    {@code search} or {@code final}
     */
    public record Step(int number, String phase, Candidate candidate, Verdict verdict) {
    }

    /**
     * The result of a search.
     *
     * @param best         the smallest candidate that failed (the original when none smaller did)
     * @param bestVerdict  its final check (or, when stopped, the verdict that made it the best)
     * @param steps        every candidate tried, in order
     * @param runs         tries made in all
     * @param stopped      ended by {@link #stop()}
     * @param budgetSpent  ended by the budget before the planner had nothing more
     */
    public record Outcome(Candidate original, Candidate best, Verdict bestVerdict, List<Step> steps, int runs, boolean stopped,
                          boolean budgetSpent, long elapsedMillis) {
    }

    private final Trial trial;
    private final Set<String> target;
    private final int tries;
    private final long budgetMillis;
    private final LongSupplier clockMillis;
    private final Listener listener;
    private volatile boolean stopRequested;
    private int runs;
    private long runMillis;
    /** The average run length of the last candidate that failed (the best), ms; 0 until one failed. */
    private long bestRunMillis;
    private long lastCandidateRunMillis;

    /**
     * @param target       the original's anomaly kinds; a try fails when it shows at least one of them
     * @param tries        runs per candidate (>= 1)
     * @param budgetMillis how long the search may take
     * @param clockMillis  the clock, ms (e.g. {@code System::currentTimeMillis}; a fake one in tests)
     */
    public ShrinkSearch(Trial trial, Set<String> target, int tries, long budgetMillis, LongSupplier clockMillis, Listener listener) {
        if (tries < 1) throw new IllegalArgumentException("--tries must be >= 1, was " + tries);
        if (target.isEmpty()) throw new IllegalArgumentException("no anomaly kind to look for");
        this.trial = trial;
        this.target = Set.copyOf(target);
        this.tries = tries;
        this.budgetMillis = budgetMillis;
        this.clockMillis = clockMillis;
        this.listener = listener;
    }

    /** Ends the search after the try in progress; thread-safe. */
    public void stop() {
        stopRequested = true;
    }

    /** Searches from {@code original} (known to fail). */
    public Outcome search(Candidate original) throws Exception {
        long start = clockMillis.getAsLong();
        ShrinkPlanner planner = new ShrinkPlanner(original);
        List<Step> steps = new ArrayList<>();
        Verdict bestVerdict = null;
        boolean budgetSpent = false;
        while (!stopRequested) {
            long elapsed = clockMillis.getAsLong() - start;
            long average = runs == 0 ? 0 : runMillis / runs;
            long finalCheck = tries * (bestRunMillis > 0 ? bestRunMillis : average);
            if (runs > 0 && elapsed + tries * average + finalCheck > budgetMillis) {
                budgetSpent = true;
                break;
            }
            Optional<Candidate> next = planner.next();
            if (next.isEmpty()) break;
            Verdict v = evaluate(next.get(), true);
            planner.record(next.get(), v.failed());
            if (v.failed()) {
                bestVerdict = v;
                bestRunMillis = lastCandidateRunMillis;
            }
            Step step = new Step(steps.size() + 1, "search", next.get(), v);
            steps.add(step);
            listener.tried(step, planner.best(), runs, clockMillis.getAsLong() - start);
        }
        Candidate best = planner.best();
        if (!stopRequested) {
            Verdict check = evaluate(best, false);
            if (!stopRequested || check.tries() > 0) bestVerdict = check;
            Step step = new Step(steps.size() + 1, "final", best, check);
            steps.add(step);
            listener.tried(step, best, runs, clockMillis.getAsLong() - start);
        }
        return new Outcome(original, best, bestVerdict, steps, runs, stopRequested, budgetSpent, clockMillis.getAsLong() - start);
    }

    private Verdict evaluate(Candidate c, boolean untilFirstFailure) throws Exception {
        int failures = 0;
        List<List<String>> kinds = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        long candidateMillis = 0;
        for (int i = 0; i < tries && !stopRequested; i++) {
            long t0 = clockMillis.getAsLong();
            TryResult r = trial.run(c);
            long took = clockMillis.getAsLong() - t0;
            runMillis += took;
            candidateMillis += took;
            runs++;
            kinds.add(r.kinds());
            dirs.add(r.runDirectory());
            if (r.kinds().stream().anyMatch(target::contains)) {
                failures++;
                if (untilFirstFailure) break;
            }
        }
        lastCandidateRunMillis = kinds.isEmpty() ? 0 : candidateMillis / kinds.size();
        return new Verdict(kinds.size(), failures, kinds, dirs);
    }
}
