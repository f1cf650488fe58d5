package io.faultline.junit;

import io.faultline.harness.runner.TestOutcome;

/** Entry point of Faultline's AssertJ assertions: {@code assertThat(outcome).isValid().hasNoLostWrites()}. */
public final class FaultlineAssertions {

    private FaultlineAssertions() {
    }

    public static OutcomeAssert assertThat(TestOutcome outcome) {
        return new OutcomeAssert(outcome);
    }
}
