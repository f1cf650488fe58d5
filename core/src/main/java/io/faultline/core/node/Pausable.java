package io.faultline.core.node;

/** A system under test whose nodes can be frozen (SIGSTOP, {@code docker pause}) and thawed. */
public interface Pausable {

    /** Freezes every process of the node. Idempotent. */
    void pause(String node) throws Exception;

    /** Thaws a paused node. Idempotent. */
    void resume(String node) throws Exception;
}
