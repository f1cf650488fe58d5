package io.faultline.core.net;

import java.net.InetSocketAddress;

/**
 * Decides the address one end of a link dials to reach the other, so that the harness can put a
 * fault proxy on the link. A system under test calls it once per link when it starts (a client once
 * per node on first use) and keeps the answer: the harness owns that address.
 *
 * <p>Names: nodes as the system's {@link io.faultline.core.db.Db#nodes()}, extra hosts as its
 * {@link io.faultline.core.system.TestSystem#extraHosts}, a client's end its client id (starting
 * with {@code client}). Implementations are thread-safe and never return null.
 */
@FunctionalInterface
public interface LinkRouter {

    /**
     * @param from   the dialling end, e.g. {@code n2}, or a client id
     * @param to     the listening end, e.g. {@code n1} or {@code zk3}
     * @param kind   what the link carries, in the system's own words (e.g. {@code REPLICATION})
     * @param target the real address of {@code to}
     * @return the address {@code from} dials; {@code target} itself for a direct link
     */
    InetSocketAddress route(String from, String to, String kind, InetSocketAddress target);

    /** Every link direct: no proxy. */
    static LinkRouter direct() {
        return (from, to, kind, target) -> target;
    }
}
