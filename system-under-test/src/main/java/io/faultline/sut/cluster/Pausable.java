package io.faultline.sut.cluster;

/** Nodes that can be frozen and thawed. */
public interface Pausable {
    /** SIGSTOP the node's processes: they keep their sockets but do nothing. */
    void pause(String node);

    /** SIGCONT the node's processes (Redis first, then its agent). */
    void resume(String node);
}
