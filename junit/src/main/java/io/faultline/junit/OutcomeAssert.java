package io.faultline.junit;

import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.harness.runner.TestOutcome;
import java.util.Collection;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a test's outcome; every failure message names the run directory, where the
 * history, results and report are.
 */
public final class OutcomeAssert extends AbstractAssert<OutcomeAssert, TestOutcome> {

    OutcomeAssert(TestOutcome actual) {
        super(actual, OutcomeAssert.class);
    }

    /** The overall verdict is true. */
    public OutcomeAssert isValid() {
        return hasVerdict(Validity.TRUE);
    }

    /** The overall verdict is false: the checkers found an anomaly. */
    public OutcomeAssert isInvalid() {
        return hasVerdict(Validity.FALSE);
    }

    /** The overall verdict is the given one. */
    public OutcomeAssert hasVerdict(Validity expected) {
        isNotNull();
        if (actual.result().valid() != expected) {
            failWithMessage("expected the verdict %s but was %s: %s%nrun: %s", expected.label(),
                    actual.result().valid().label(), actual.result().explanation(), actual.runDirectory());
        }
        return this;
    }

    /** No checker reports acknowledged writes that were lost. */
    public OutcomeAssert hasNoLostWrites() {
        isNotNull();
        Collection<?> lost = lost(actual.result());
        if (!lost.isEmpty()) {
            failWithMessage("expected no lost writes but %d acknowledged writes were lost: %s%nrun: %s", lost.size(),
                    abbreviate(lost), actual.runDirectory());
        }
        return this;
    }

    /** Some checker reports acknowledged writes that were lost. */
    public OutcomeAssert hasLostWrites() {
        isNotNull();
        if (lost(actual.result()).isEmpty()) {
            failWithMessage("expected lost writes but none were found: %s%nrun: %s", actual.result().explanation(),
                    actual.runDirectory());
        }
        return this;
    }

    private static Collection<?> lost(Result result) {
        java.util.List<Object> all = new java.util.ArrayList<>();
        if (result.details().get("lost") instanceof Collection<?> c) all.addAll(c);
        for (Map.Entry<String, Object> e : result.details().entrySet()) {
            if (e.getValue() instanceof Result sub) all.addAll(lost(sub));
        }
        return all;
    }

    private static String abbreviate(Collection<?> items) {
        String s = items.toString();
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }
}
