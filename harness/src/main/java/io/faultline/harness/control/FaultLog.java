package io.faultline.harness.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults made by hand on the daemon's cluster, in order, each with a sequence number, so that
 * {@code faultline load} can put them in its history ({@code GET /faults?after=N}). Thread-safe.
 */
final class FaultLog {

    /**
     * One fault.
     *
     * @param seq   its number, from 1, in the order the faults were made
     * @param f     the nemesis function it stands for ({@code start-partition}, {@code heal},
     *              {@code kill}, {@code start}, {@code pause}, {@code resume}, {@code start-slow},
     *              {@code stop-slow})
     * @param value what was done, e.g. the grudge and the cut links, or the node
     * @param at    when it was done
     */
    record Entry(long seq, String f, String value, Instant at) {
        Entry {
            Objects.requireNonNull(f, "f");
            Objects.requireNonNull(at, "at");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a fault that was just made. */
    synchronized void add(String f, String value) {
        entries.add(new Entry(entries.size() + 1L, f, value, Instant.now()));
    }

    /** The faults numbered after {@code seq}, oldest first. */
    synchronized List<Entry> after(long seq) {
        int from = (int) Math.max(0, Math.min(seq, entries.size()));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /** The number of the last fault, 0 when none was made. */
    synchronized long last() {
        return entries.size();
    }
}
