package io.faultline.sut.link;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Decides the address one side of a link dials to reach the other side, so that a fault proxy
 * can sit on every link.
 *
 * <p>Ids: Redis nodes are {@code "n1".."nN"}, ZooKeeper servers {@code "zk1".."zkK"}, and the
 * client side of a {@link LinkKind#CLIENT_TO_NODE} link is the client's id ({@code "client"} by
 * default). The cluster calls {@link #route} once per link when it starts (the client once per
 * node on first use) and keeps the answer for its lifetime: to cut or slow a link later, own the
 * returned address (e.g. a TCP proxy listening there that forwards to {@code target}).
 *
 * <p>Implementations must be thread-safe and must not return {@code null}.
 */
@FunctionalInterface
public interface LinkRouter {

    /**
     * @param from   the dialling side, e.g. {@code "n2"} for a replica, or a client id
     * @param to     the listening side, e.g. {@code "n1"} or {@code "zk3"}
     * @param kind   what the link carries
     * @param target the real address of {@code to}
     * @return the address {@code from} should dial; {@code target} itself for a direct link
     */
    InetSocketAddress route(String from, String to, LinkKind kind, InetSocketAddress target);

    /** The router that returns every target unchanged (no proxy). */
    static LinkRouter direct() {
        return (from, to, kind, target) -> target;
    }

    /** Calls {@link #route} and checks the answer is not null. */
    static InetSocketAddress routeChecked(LinkRouter router, String from, String to, LinkKind kind,
                                          InetSocketAddress target) {
        InetSocketAddress routed = router.route(from, to, kind, target);
        return Objects.requireNonNull(routed, () -> "LinkRouter returned null for " + kind + " " + from + " -> " + to);
    }

    /** {@code host:port} of an address, without resolving it. */
    static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
