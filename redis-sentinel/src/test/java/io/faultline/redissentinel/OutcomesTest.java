package io.faultline.redissentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import us.bpsm.edn.Keyword;

class OutcomesTest {
    private static final Op ADD = Op.invoke(3, "add", 42L);

    @Test
    void aDemotedPrimaryRefusingTheWriteIsAFailure() {
        Op op = Outcomes.failed(ADD, new JedisDataException("READONLY You can't write against a read only replica."), true);
        assertThat(op.type()).isEqualTo(OpType.FAIL);
        assertThat(op.error()).isEqualTo(Keyword.newKeyword("readonly"));
    }

    @Test
    void aPrimaryShortOfReplicasRefusingTheWriteIsAFailure() {
        Op op = Outcomes.failed(ADD, new JedisDataException("NOREPLICAS Not enough good replicas to write."), true);
        assertThat(op.type()).isEqualTo(OpType.FAIL);
        assertThat(op.error()).isEqualTo(Keyword.newKeyword("noreplicas"));
    }

    @Test
    void aTimeoutAfterSendingLeavesTheWriteUnknown() {
        Op op = Outcomes.failed(ADD, new JedisConnectionException(new SocketTimeoutException("Read timed out")), true);
        assertThat(op.type()).isEqualTo(OpType.INFO);
        assertThat(op.error()).isEqualTo(Keyword.newKeyword("timeout"));
    }

    @Test
    void aConnectionLostAfterSendingLeavesTheWriteUnknown() {
        Op op = Outcomes.failed(ADD, new JedisConnectionException("Unexpected end of stream."), true);
        assertThat(op.type()).isEqualTo(OpType.INFO);
        assertThat(op.error()).isEqualTo(Keyword.newKeyword("connection-lost"));
    }

    @Test
    void aConnectionThatNeverOpenedIsAFailure() {
        Op op = Outcomes.failed(ADD, new JedisConnectionException("Failed to connect"), false);
        assertThat(op.type()).isEqualTo(OpType.FAIL);
    }
}
