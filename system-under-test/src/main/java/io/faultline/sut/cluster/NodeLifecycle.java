package io.faultline.sut.cluster;

/** Nodes that can be stopped and started again (same ports, same directories). */
public interface NodeLifecycle {
    /** Starts a stopped or killed node; waits until its Redis answers. No-op if it runs. */
    void startNode(String node);

    /** Gracefully stops a node: its agent first (releasing the lease at once), then its Redis. */
    void stopNode(String node);

    /** {@link #stopNode} then {@link #startNode}. */
    void restartNode(String node);

    /** True if the node's Redis and agent processes are alive (paused counts as alive). */
    boolean isRunning(String node);
}
