package io.faultline.sut.client;

/** How a read is served. */
public enum ReadMode {
    /**
     * From the master as it is: fast, but a master that has lost its lease without knowing it yet
     * (isolated, paused) can answer with values that were never replicated and are lost in the
     * failover (a read of uncommitted data).
     */
    PLAIN,
    /**
     * Behind a barrier: after the read, the client writes a fence key on the same connection and
     * {@code WAIT}s until every replica of the group has it. The read is OK only if they all
     * acknowledge within the wait timeout, which shows that when it ran, its node was the master
     * every replica followed and what it read was replicated. Otherwise it is FAIL (a read changes
     * nothing, so failing it is always safe). A node that is a replica, or a master refusing
     * writes (NOREPLICAS), fails the read at once.
     */
    FENCED;

    /** The key the barrier writes, in every group. */
    public static final String FENCE_KEY = "__read_fence";

    /** Parses "plain" or "fenced", any case. */
    public static ReadMode parse(String text) {
        for (ReadMode v : values()) {
            if (v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("reads must be plain or fenced, was '" + text + "'");
    }
}
