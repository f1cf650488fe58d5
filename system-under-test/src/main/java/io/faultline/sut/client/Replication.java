package io.faultline.sut.client;

/** When a write is acknowledged. */
public enum Replication {
    /** As soon as the master has applied it (replicas catch up later; a failover can lose it). */
    ASYNC,
    /**
     * Only after {@code WAIT} confirms that every replica of the group has it, within the wait
     * timeout; a write the master applied but not every replica confirmed is INFO, not OK.
     */
    SYNC;

    /** Parses "async" or "sync", any case. */
    public static Replication parse(String text) {
        for (Replication v : values()) {
            if (v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("replication must be async or sync, was '" + text + "'");
    }
}
