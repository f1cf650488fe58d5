package io.faultline.core.node;

/**
 * A system under test whose nodes can be killed (SIGKILL, {@code docker kill}) and started again.
 * Detected with {@code instanceof}; a database that cannot do this simply does not implement it.
 */
public interface Killable {

    /** Kills the node's processes at once, without a chance to clean up. Idempotent. */
    void kill(String node) throws Exception;

    /** Starts a killed node again; returns when its processes run. Idempotent. */
    void start(String node) throws Exception;
}
