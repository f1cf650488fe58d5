package io.faultline.nemesis.bench;

import java.net.InetSocketAddress;

/** A closed-loop load of small commands over a number of connections to one address. */
interface Load {

    /** What one run measured: its rate, and how many operations that rate counts. */
    record Result(double opsPerSecond, long ops) {
    }

    /** A short name for the figures, e.g. {@code java} or {@code redis-benchmark}. */
    String name();

    /**
     * Runs the load against {@code address} with {@code connections} connections for about
     * {@code seconds} seconds.
     *
     * @throws Exception naming the address when the load cannot run
     */
    Result run(InetSocketAddress address, int connections, int seconds) throws Exception;
}
