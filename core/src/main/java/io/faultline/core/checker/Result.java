package io.faultline.core.checker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a checker found.
 *
 * @param valid       the verdict; never null
 * @param explanation one or two sentences for a person, e.g. why it is unknown; never null
 * @param details     checker-specific facts, in insertion order: JSON-friendly values (numbers,
 *                    strings, booleans, lists, maps), records, or nested {@code Result}s; never null
 */
public record Result(Validity valid, String explanation, Map<String, Object> details) {

    public Result {
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(explanation, "explanation");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Result valid(String explanation) {
        return new Result(Validity.TRUE, explanation, Map.of());
    }

    public static Result invalid(String explanation, Map<String, Object> details) {
        return new Result(Validity.FALSE, explanation, details);
    }

    /** An unknown verdict carrying its cause, e.g. "timed out after PT10S". */
    public static Result unknown(String cause) {
        return new Result(Validity.UNKNOWN, cause, Map.of());
    }

    /** An unknown verdict for a checker that threw. */
    public static Result crashed(Throwable t) {
        return new Result(Validity.UNKNOWN, "checker crashed: " + t, Map.of("exception", String.valueOf(t)));
    }

    /** This result with one more detail. */
    public Result with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(details);
        copy.put(key, value);
        return new Result(valid, explanation, copy);
    }
}
