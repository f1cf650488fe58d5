package io.faultline.rediszk;

import io.faultline.core.client.Client;
import io.faultline.core.op.Op;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ShardedClient;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import io.faultline.workloads.KeyedClient;

/**
 * A {@link Client} of the Redis system under test for one workload: the prototype owns the shared
 * routing connection, opened clients borrow it. The workload's operations are a {@link Commands}
 * function. Closing an opened client does nothing; closing the prototype closes the connection.
 */
public final class RedisClient implements KeyedClient {

    /** How one workload's ops map onto the routing client. */
    @FunctionalInterface
    public interface Commands {
        /** Performs the invocation and returns its completion; never throws for outcomes of Redis. */
        Op invoke(ShardedClient redis, Op op);
    }

    private final SharedConnection connection;
    private final Commands commands;
    private final boolean prototype;
    /** The commands for a number of keys ({@code --keys}), or null when the workload has no key count here. */
    private final IntFunction<Commands> keyed;

    private RedisClient(SharedConnection connection, Commands commands, boolean prototype, IntFunction<Commands> keyed) {
        this.connection = connection;
        this.commands = commands;
        this.prototype = prototype;
        this.keyed = keyed;
    }

    /** A prototype that connects with {@code config} when the first process opens it. */
    public static RedisClient prototype(Supplier<ClientConfig> config, Commands commands) {
        return new RedisClient(new SharedConnection(config), Objects.requireNonNull(commands, "commands"), true, null);
    }

    /**
     * A prototype whose commands depend on a key count: {@code keyed.apply(keys)} now, and again for
     * {@link #withKeys} ({@code --keys}).
     */
    public static RedisClient prototype(Supplier<ClientConfig> config, IntFunction<Commands> keyed, int keys) {
        return new RedisClient(new SharedConnection(config), Objects.requireNonNull(keyed.apply(keys), "commands"), true, keyed);
    }

    /** A prototype like this one over {@code keys} keys; this one itself when its commands have no key count. */
    @Override
    public Client withKeys(int keys) {
        if (keyed == null) return this;
        if (!prototype) throw new IllegalStateException("withKeys on an opened client");
        return new RedisClient(connection, Objects.requireNonNull(keyed.apply(keys), "commands"), true, keyed);
    }

    @Override
    public Client open(String node) {
        connection.get();
        return new RedisClient(connection, commands, false, keyed);
    }

    @Override
    public Op invoke(Op op) {
        return commands.invoke(connection.get(), op);
    }

    @Override
    public void close() {
        if (prototype) connection.close();
    }
}
