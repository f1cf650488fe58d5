package io.faultline.core.node;

import java.util.List;
import java.util.function.Function;

/**
 * A running system that takes reads and writes by hand ({@code faultline cluster write|read}):
 * through its own client, or straight to one node whatever its role.
 */
public interface HasConsole {

    /**
     * Writes {@code key = value} through the system's client ({@code node} null) or straight to {@code node}.
     *
     * @param stateOf as in {@link HasStatus#status}
     */
    Reply write(String key, String value, String node, Function<String, String> stateOf) throws Exception;

    /** Reads {@code key} on {@code node}, or on every node (a line each) when {@code node} is null. */
    Reply read(String key, String node, Function<String, String> stateOf) throws Exception;

    /** Whether every part succeeded, and a line per node asked. */
    record Reply(boolean ok, List<String> lines) {
        public Reply {
            lines = List.copyOf(lines);
        }
    }
}
