package io.faultline.core.nemesis;

import java.util.List;
import java.util.Objects;

/**
 * An optional ability of a {@link Nemesis} whose faults are made outside the test's schedule (by
 * hand with {@code faultline fault}, or by another process) and which reports them as they are made,
 * so that the history, and the report's fault shading, still show them.
 *
 * <p>The runner detects it with {@code instanceof}. Between the nemesis's setup and teardown it
 * calls {@link #poll()} from one thread about every 100 ms and records each fault as a nemesis
 * invocation with its {@code :info} completion, at the time it saw the fault (so up to one poll
 * interval after it was made).
 */
public interface FaultFeed {

    /**
     * A fault made outside the schedule.
     *
     * @param f     the nemesis function, as a scheduled fault would have it: {@code start-partition},
     *              {@code heal}, {@code kill}, {@code start}, {@code pause}, {@code resume}, ...
     * @param value what was done, e.g. the grudge or the node; may be null
     */
    record Fault(String f, Object value) {
        public Fault {
            Objects.requireNonNull(f, "f");
            if (f.isBlank()) throw new IllegalArgumentException("a fault's f must not be blank");
        }
    }

    /**
     * The faults made since the previous call (the first call: since setup, plus those already in
     * effect then), oldest first; empty when there is none. Never null.
     *
     * @throws Exception when the source of the faults cannot be asked; the runner logs it and asks
     *                   again at the next poll
     */
    List<Fault> poll() throws Exception;
}
