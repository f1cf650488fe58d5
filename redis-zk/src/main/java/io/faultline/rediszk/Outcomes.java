package io.faultline.rediszk;

import io.faultline.core.op.Op;
import io.faultline.sut.client.Outcome;
import java.util.function.Function;
import us.bpsm.edn.Keyword;

/** Turns the system-under-test client's outcomes into op completions: OK → ok, FAIL → fail, INFO → info. */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * The completion of {@code invocation} for {@code outcome}; an ok value is {@code okValue} of the
     * outcome's value, fail and info keep the invoked value and carry the error as a keyword.
     */
    public static <T> Op complete(Op invocation, Outcome<T> outcome, Function<T, Object> okValue) {
        return switch (outcome.kind()) {
            case OK -> invocation.ok(okValue.apply(outcome.value()));
            case FAIL -> invocation.fail(errorKeyword(outcome.error()));
            case INFO -> invocation.info(errorKeyword(outcome.error()));
        };
    }

    /** An error string as an EDN keyword, e.g. "READONLY You can't write" → :readonly. */
    public static Keyword errorKeyword(String error) {
        if (error == null || error.isBlank()) return Keyword.newKeyword("unknown");
        String word = error.strip().split("[\\s:]+", 2)[0].toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "-");
        return Keyword.newKeyword(word.isEmpty() ? "unknown" : word);
    }
}
