package io.faultline.core.db;

import java.util.List;

/**
 * The system under test as the harness sees it: a set of named nodes that can be set up and torn
 * down. Optional abilities ({@code Killable}, {@code Pausable}, {@code HasPrimaries}) are separate
 * interfaces in {@code io.faultline.core.node}, detected with {@code instanceof}.
 */
public interface Db extends AutoCloseable {

    /** The node names, e.g. {@code n1..n5}; stable for the life of the test. */
    List<String> nodes();

    /** Starts the system; returns when it serves requests. */
    void setup() throws Exception;

    /** Stops every process the system started; idempotent, also after a failed setup. */
    @Override
    void close() throws Exception;
}
