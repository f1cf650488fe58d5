package io.faultline.rediszk;

import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ShardedClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One {@link ShardedClient} shared by every process of a test: the routing client is thread-safe
 * and pools a connection per node, so processes need not connect on their own. Connects on first
 * use; {@link #close()} closes it once. Thread-safe.
 */
final class SharedConnection implements AutoCloseable {

    private final Supplier<ClientConfig> config;
    private ShardedClient client;
    private boolean closed;

    SharedConnection(Supplier<ClientConfig> config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    synchronized ShardedClient get() {
        if (closed) throw new IllegalStateException("the Redis client connection is closed");
        if (client == null) client = ShardedClient.connect(config.get());
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) client.close();
        client = null;
    }
}
