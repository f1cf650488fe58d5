package io.faultline.rediszk;

import io.faultline.core.client.Client;
import io.faultline.core.op.Op;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ShardedClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link Client} of the Redis system under test for one workload: the prototype owns the shared
 * routing connection, opened clients borrow it. The workload's operations are a {@link Commands}
 * function. Closing an opened client does nothing; closing the prototype closes the connection.
 */
public final class RedisClient implements Client {

    /** How one workload's ops map onto the routing client. */
    @FunctionalInterface
    public interface Commands {
        /** Performs the invocation and returns its completion; never throws for outcomes of Redis. */
        Op invoke(ShardedClient redis, Op op);
    }

    private final SharedConnection connection;
    private final Commands commands;
    private final boolean prototype;

    private RedisClient(SharedConnection connection, Commands commands, boolean prototype) {
        this.connection = connection;
        this.commands = commands;
        this.prototype = prototype;
    }

    /** A prototype that connects with {@code config} when the first process opens it. */
    public static RedisClient prototype(Supplier<ClientConfig> config, Commands commands) {
        return new RedisClient(new SharedConnection(config), Objects.requireNonNull(commands, "commands"), true);
    }

    @Override
    public Client open(String node) {
        connection.get();
        return new RedisClient(connection, commands, false);
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
