package io.faultline.core.net;

import java.time.Duration;

/**
 * The network of a test, as the nemesis sees it: what it can cut, slow and heal.
 *
 * <p>Implementations route every link of the system under test through something they control
 * (a fault proxy, iptables). Methods are called from the nemesis thread only; each returns when the
 * fault is in effect.
 */
public interface Net {

    /** Cuts every link between two nodes that the grudge sets apart, and heals every other link. */
    void partition(Grudge grudge) throws Exception;

    /** Restores every link: no partition, no latency, no loss, no bandwidth limit. */
    void heal() throws Exception;

    /** Adds latency to every link: a mean delay with a jitter around it. */
    void slow(Duration mean, Duration jitter) throws Exception;

    /** Makes every link lossy: each new connection is cut with the given probability (0..1). */
    void flaky(double probability) throws Exception;

    /** Removes latency, loss and bandwidth limits, but keeps partitions. */
    void fast() throws Exception;

    /**
     * Limits the bandwidth of every link (or of what every host sends) to {@code kbitPerSecond}.
     *
     * @throws UnsupportedOperationException where this network cannot (the default), in one line naming a runtime that can
     */
    default void bandwidth(long kbitPerSecond) throws Exception {
        throw new UnsupportedOperationException("this network cannot limit bandwidth");
    }
}
