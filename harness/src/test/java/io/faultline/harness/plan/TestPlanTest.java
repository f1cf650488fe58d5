package io.faultline.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
