package io.faultline.rediszk;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.client.Client;
import io.faultline.workloads.KeyedClient;
import org.junit.jupiter.api.Test;

class RedisClientKeysTest {

    @Test
    void theSetClientTakesAKeyCountAndTheOthersIgnoreIt() {
        RedisClient set = RedisClient.prototype(() -> { throw new AssertionError("connects only when opened"); }, RedisCommands::set, 8);
        Client two = set.withKeys(2);
        assertThat(two).isInstanceOf(KeyedClient.class).isNotSameAs(set);
        RedisClient register = RedisClient.prototype(() -> { throw new AssertionError("connects only when opened"); },
                RedisCommands::register);
        assertThat(register.withKeys(2)).isSameAs(register);
    }
}
