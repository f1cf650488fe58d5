package io.faultline.core.op;

/**
 * What an operation record says: an invocation, or how it completed.
 *
 * <ul>
 *   <li>{@link #OK}: the operation took effect.
 *   <li>{@link #FAIL}: the operation certainly did not take effect.
 *   <li>{@link #INFO}: unknown: it may have taken effect, and may do so at any later time.
 * </ul>
 */
public enum OpType {
    INVOKE, OK, FAIL, INFO;

    /** The EDN keyword name, e.g. {@code "invoke"}. */
    public String keywordName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for the three completion types. */
    public boolean isCompletion() {
        return this != INVOKE;
    }

    /**
     * Parses a keyword name such as {@code "ok"}.
     *
     * @throws IllegalArgumentException naming the value when it is not one of invoke, ok, fail, info
     */
    public static OpType ofKeyword(String name) {
        return switch (name) {
            case "invoke" -> INVOKE;
            case "ok" -> OK;
            case "fail" -> FAIL;
            case "info" -> INFO;
            default -> throw new IllegalArgumentException(
                    "unknown op :type :" + name + " (expected :invoke, :ok, :fail or :info)");
        };
    }
}
