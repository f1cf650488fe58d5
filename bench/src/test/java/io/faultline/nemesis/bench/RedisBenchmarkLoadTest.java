package io.faultline.nemesis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisBenchmarkLoadTest {

    @Test
    void readsTheRateOfTheSetRowOfCsvOutput() {
        String csv = "\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\"\n"
                + "\"SET\",\"198412.69\",\"0.134\",\"0.032\",\"0.119\"\n";

        assertThat(RedisBenchmarkLoad.requestsPerSecond(csv)).contains(198412.69);
    }

    @Test
    void findsNoRateInOutputWithoutASetRow() {
        assertThat(RedisBenchmarkLoad.requestsPerSecond("Could not connect to Redis at 127.0.0.1:1: Connection refused\n"))
                .isEmpty();
        assertThat(RedisBenchmarkLoad.requestsPerSecond("\"SET\",\"n/a\"\n")).isEmpty();
    }
}
