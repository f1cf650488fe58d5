package io.faultline.core.node;

import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import java.util.Optional;

/**
 * A Db whose runtime makes network faults itself, at the packet level (e.g. iptables rules in each
 * host's network namespace), instead of through the harness's fault proxies: the network nemeses
 * (partition, latency, flaky) act on its {@link #net()}. Detected with {@code instanceof}, like the
 * other abilities.
 */
public interface HasNet {

    /** The network the nemeses act on; its methods work between {@code setup()} and {@code close()}. */
    Net net();

    /**
     * Why this Db's network cannot make {@code fault}, in one line that names a runtime that can (e.g.
     * {@code latency needs delays, which the netns runtime cannot make here (no netem qdisc): use --runtime local}),
     * or empty when it can.
     */
    Optional<String> cannot(NetFault fault);
}
