package io.faultline.core.node;

import java.util.List;
import java.util.function.Function;

/** A running system that can describe itself for {@code faultline cluster status}. */
public interface HasStatus {

    /**
     * Its status.
     *
     * @param stateOf a node's state as the harness knows it: {@code running}, {@code paused} or
     *                {@code dead}; never ask a paused node (the answer would only come after a timeout)
     */
    Status status(Function<String, String> stateOf) throws Exception;

    /**
     * @param summary e.g. {@code sync replication, demote on lease loss}
     * @param lines   e.g. a table of nodes and roles, and the leases
     */
    record Status(String summary, List<String> lines) {
        public Status {
            lines = List.copyOf(lines);
        }
    }
}
