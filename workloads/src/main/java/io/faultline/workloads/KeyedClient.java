package io.faultline.workloads;

import io.faultline.core.client.Client;

/**
 * A client prototype that spreads a workload's data over a number of keys of its own (e.g. redis-zk's
 * set client: elements over the Redis sets {@code s0..s<N-1>}), and so can take {@code --keys}. A client
 * that is not one ignores {@code --keys} (e.g. a set kept under one key).
 */
public interface KeyedClient extends Client {

    /** A new prototype like this one (not opened yet) that uses {@code keys} keys (>= 1). */
    Client withKeys(int keys);
}
