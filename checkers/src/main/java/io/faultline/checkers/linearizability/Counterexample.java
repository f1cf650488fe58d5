package io.faultline.checkers.linearizability;

import java.util.List;

/**
 * Why a history is not linearizable, as plain data a report can draw: the operation no search path could
 * linearize (the one reached furthest), the operations concurrent with it, and the model states the search
 * reached just before it, each with the end of the linearized prefix that led there.
 *
 * @param model      the model's name
 * @param op         the first operation that cannot be linearized
 * @param concurrent operations whose invoke..complete window overlaps {@code op}'s, in invocation order
 *                   (at most 32)
 * @param reachable  distinct states reachable just before {@code op} (at most 16)
 */
public record Counterexample(String model, OpSummary op, List<OpSummary> concurrent, List<ReachableState> reachable) {

    public Counterexample {
        concurrent = List.copyOf(concurrent);
        reachable = List.copyOf(reachable);
    }

    /**
     * One operation, invocation and completion together.
     *
     * @param index           the invocation's index in the whole history
     * @param completionIndex the completion's index, or -1 if it never completed
     * @param process         the process
     * @param type            how it completed: {@code ok}, {@code info}, or {@code crashed} (no completion)
     * @param f               the function, e.g. {@code read}
     * @param value           the value as EDN: what was read for an ok read, else the argument
     * @param description     the model's rendering, e.g. {@code :cas [1 2]}
     * @param invokeTime      nanoseconds, or -1 when unknown
     * @param completeTime    nanoseconds, or -1 when unknown or never completed
     */
    public record OpSummary(long index, long completionIndex, int process, String type, String f, String value,
                            String description, long invokeTime, long completeTime) {
    }

    /**
     * A state the search reached just before the op.
     *
     * @param state          the model's rendering of the state
     * @param linearized     how many operations the search had linearized to get there
     * @param lastLinearized the last of them (at most 16), oldest first
     */
    public record ReachableState(String state, int linearized, List<OpSummary> lastLinearized) {
        public ReachableState {
            lastLinearized = List.copyOf(lastLinearized);
        }
    }
}
