package io.faultline.hosts.packet;

import java.util.Map;
import java.util.Set;

/**
 * The packet-level faults of a run's hosts, whatever the hosts are (network namespaces on this machine,
 * hosts reached over SSH): each call is applied on every host at once and is in effect when it
 * returns, and replaces what the previous call of its kind did. Calls are serialized.
 */
public interface PacketFaults {
    /**
     * What one change took.
     *
     * @param hosts   how many hosts' rules changed (the others were not touched)
     * @param firstMs ms from the call until the first changed host had its new rules
     * @param allMs   ms from the call until every changed host had them
     */
    record Applied(int hosts, long firstMs, long allMs) {
    }

    /** The hosts, in address order. */
    java.util.List<String> hosts();

    /**
     * Makes each host drop every packet from the hosts {@code cannotHear} names for it, and heals every other host.
     *
     * @throws IllegalArgumentException naming an unknown host
     */
    Applied cut(Map<String, Set<String>> cannotHear);

    /** Heals every partition. */
    default Applied heal() {
        return cut(Map.of());
    }

    /** Drops each packet a host receives with {@code probability} (0 removes the loss). */
    Applied loss(double probability);

    /**
     * Limits what each host sends to {@code kbitPerSecond}.
     *
     * @throws UnsupportedOperationException naming the runtime that can, where these hosts cannot
     */
    void rate(long kbitPerSecond);

    /** Removes every rate limit (nothing when there is none). */
    void unlimited();
}
