package io.faultline.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPlanTest {

    @Test
    void theRerunLineCarriesTheSeedTheHarnessChoseWhenTheCommandLineGaveNone() {
        TestOptions o = new TestOptionsBuilder().seed(42).commandLine(List.of("test", "--workload", "set")).build();

        assertThat(TestPlan.describe(o).get("command-line"))
                .isEqualTo(List.of("./faultline", "test", "--workload", "set", "--seed", "42"));
    }

    @Test
    void aSeedGivenOnTheCommandLineIsKeptAsGiven() {
        TestOptions o = new TestOptionsBuilder().seed(7).commandLine(List.of("load", "--seed=7")).build();

        assertThat(TestPlan.describe(o).get("command-line")).isEqualTo(List.of("./faultline", "load", "--seed=7"));
    }

    @Test
    void withoutACommandLineTheReportBuildsTheRerunLineFromTheSpecAndItsSeed() {
        TestOptions o = new TestOptionsBuilder().seed(3).build();

        assertThat(TestPlan.describe(o)).doesNotContainKey("command-line"); // the runner adds the seed to test.json
    }

    @Test
    void testJsonRecordsTheSystemItsOptionsAndTheFaultVocabulary() {
        TestOptions o = new TestOptionsBuilder().seed(3).option("nodes", 3).option("replication", "async").build();

        Map<String, Object> described = TestPlan.describe(o);
        assertThat(described).containsEntry("system", "redis-zk").containsEntry("nodes", 3).containsEntry("replication", "async");
        assertThat(new java.util.ArrayList<Object>((List<?>) described.get("faults"))).contains(
                Map.of("name", "partition", "start", "start-partition", "stop", "stop-partition", "interval", "partition"),
                Map.of("name", "kill", "start", "kill", "stop", "start", "interval", "kill"));
        assertThat(o.effectiveName()).isEqualTo("register-partition-async-demote");
    }

    @Test
    void anUnknownFaultOrSystemIsRefusedInOneLine() {
        assertThatThrownBy(() -> new TestOptionsBuilder().nemesis("crash").build())
                .hasMessage("--nemesis must be one of partition, kill, pause, latency, flaky, bandwidth, zk, was 'crash'");
        assertThatThrownBy(() -> new TestOptionsBuilder().system("nope").build())
                .hasMessage("unknown system 'nope' (known: redis-zk)");
    }

    @Test
    void keysAreDescribedWhenGivenAndRefusedBelowOne() {
        TestOptions o = new TestOptionsBuilder().seed(3).keys(2).commandLine(List.of("test", "--keys", "2")).build();
        assertThat(o.keys()).isEqualTo(2);
        assertThat(TestPlan.describe(o)).containsEntry("keys", 2);
        assertThat(TestPlan.describe(o).get("command-line")).isEqualTo(List.of("./faultline", "test", "--keys", "2", "--seed", "3"));
        TestOptions byDefault = new TestOptionsBuilder().seed(3).build();
        assertThat(byDefault.keys()).isZero();
        assertThat(TestPlan.describe(byDefault)).doesNotContainKey("keys");
        assertThat(byDefault.withKeys(1).withSeed(4).withLoad(java.time.Duration.ofSeconds(5), 2, 10).keys()).isEqualTo(1);
        assertThatThrownBy(() -> new TestOptionsBuilder().keys(0).build()).hasMessage("--keys must be >= 1, was 0");
        assertThatThrownBy(() -> byDefault.withKeys(-1)).hasMessage("--keys must be >= 1, was -1");
    }
}
