package io.faultline.sut.cluster;

/** Nodes that can be killed without warning. */
public interface Killable {
    /** SIGKILL the node's processes (Redis and lease agent); its lease expires after the session timeout. */
    void kill(String node);
}
