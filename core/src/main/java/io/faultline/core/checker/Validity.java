package io.faultline.core.checker;

/**
 * A checker's verdict. Never {@link #TRUE} by default: a checker that timed out, ran out of memory
 * or crashed says {@link #UNKNOWN} with the cause.
 */
public enum Validity {
    TRUE, FALSE, UNKNOWN;

    /** Combines verdicts: false beats unknown beats true. */
    public Validity and(Validity other) {
        if (this == FALSE || other == FALSE) return FALSE;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return TRUE;
    }

    /** The lower-case name used in EDN, JSON and on the command line: true, false, unknown. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The process exit code of DESIGN.md: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return switch (this) {
            case TRUE -> 0;
            case FALSE -> 1;
            case UNKNOWN -> 2;
        };
    }

    public static Validity of(boolean valid) {
        return valid ? TRUE : FALSE;
    }
}
