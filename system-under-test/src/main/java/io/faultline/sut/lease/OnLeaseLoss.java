package io.faultline.sut.lease;

/**
 * What a master's lease agent does when its ZooKeeper session is suspended (no answer for 2/3 of
 * the session timeout) or lost (expired).
 */
public enum OnLeaseLoss {
    /**
     * Nothing: the Redis stays master until the agent reconnects and sees another leader. The
     * unsafe variant: an isolated or paused master keeps accepting writes that a new master will
     * not have (lost writes, split brain).
     */
    KEEP,
    /**
     * Park the Redis at once as a non-serving replica (reads answer MASTERDOWN, writes READONLY).
     * Because the agent may be frozen along with its Redis (a paused node), a master in this mode
     * also runs with {@code min-replicas-to-write 1} (groups of two or more nodes), so a master
     * whose replicas have moved to a new master refuses writes (NOREPLICAS) even before its agent
     * wakes up.
     */
    DEMOTE;

    /** Parses "keep" or "demote", any case. */
    public static OnLeaseLoss parse(String text) {
        for (OnLeaseLoss v : values()) {
            if (v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("onLeaseLoss must be keep or demote, was '" + text + "'");
    }
}
