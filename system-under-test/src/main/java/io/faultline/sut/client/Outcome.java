package io.faultline.sut.client;

import java.util.Objects;

/**
 * The result of one client operation. Immutable.
 *
 * <ul>
 *   <li>{@link Kind#OK}: the effect certainly happened (for reads: the value read).</li>
 *   <li>{@link Kind#FAIL}: the command certainly did not execute (connection refused, an error
 *       reply such as READONLY, NOREPLICAS or MASTERDOWN, a CAS whose expected value did not
 *       match, no master known). Reads that could not complete are FAIL too: they have no effect.</li>
 *   <li>{@link Kind#INFO}: unknown; a write may have happened, or may still happen (timeout after
 *       sending, connection reset mid-command, WAIT short of its count).</li>
 * </ul>
 *
 * @param kind  never null
 * @param value the value for OK (null for operations without one, and for reads of a missing key);
 *              null for FAIL and INFO
 * @param error why it is FAIL or INFO; null for OK
 */
public record Outcome<T>(Kind kind, T value, String error) {
    /** Error text of a compare-and-set whose expected value did not match. */
    public static final String CAS_MISMATCH = "cas-mismatch";

    public enum Kind { OK, FAIL, INFO }

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.OK && error == null) {
            throw new IllegalArgumentException(kind + " outcome needs an error");
        }
    }

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Kind.OK, value, null);
    }

    public static <T> Outcome<T> fail(String error) {
        return new Outcome<>(Kind.FAIL, null, error);
    }

    public static <T> Outcome<T> info(String error) {
        return new Outcome<>(Kind.INFO, null, error);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    public boolean isFail() {
        return kind == Kind.FAIL;
    }

    public boolean isInfo() {
        return kind == Kind.INFO;
    }

    @Override
    public String toString() {
        return kind == Kind.OK ? "OK(" + value + ")" : kind + "(" + error + ")";
    }
}
