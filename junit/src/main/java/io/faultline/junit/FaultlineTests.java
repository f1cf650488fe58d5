package io.faultline.junit;

import io.faultline.harness.plan.PlannedTest;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.plan.TestPlan;
import io.faultline.harness.runner.Runner;
import io.faultline.harness.runner.TestOutcome;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What a JUnit test gets from {@link FaultlineExtension}: a way to run a Faultline test in a few
 * lines. Runs are stored under {@code target/faultline-store} (or the system property
 * {@code faultline.store}). Use from the test's thread; one run at a time.
 *
 * <pre>{@code
 * @ExtendWith(FaultlineExtension.class)
 * class SetIT {
 *     @Test
 *     void acknowledgedAddsSurvivePartitions(FaultlineTests faultline) {
 *         TestOutcome outcome = faultline.run(t -> t.workload("set").nemesis("partition").timeLimit(Duration.ofSeconds(15)));
 *         FaultlineAssertions.assertThat(outcome).isValid().hasNoLostWrites();
 *     }
 * }
 * }</pre>
 */
public final class FaultlineTests {

    private final Path store;

    FaultlineTests(Path store) {
        this.store = store;
    }

    /** Runs one test with the command line's defaults as changed by {@code options}; returns when it is checked and stored. */
    public TestOutcome run(UnaryOperator<TestOptionsBuilder> options) {
        TestOptionsBuilder builder = new TestOptionsBuilder().store(store);
        try (PlannedTest planned = TestPlan.plan(options.apply(builder).build())) {
            return Runner.of(planned.spec(), System.err).run();
        }
    }

    /** Where the runs are stored. */
    public Path store() {
        return store;
    }
}
