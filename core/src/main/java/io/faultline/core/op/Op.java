package io.faultline.core.op;

import java.util.Map;
import java.util.Objects;

/**
 * One operation record of a history, as Jepsen writes it.
 *
 * <p>Values ({@code value}, {@code error} and the extra keys) are plain immutable Java data:
 * {@code null}, {@link Long}, {@link Double}, {@link String}, {@link Boolean},
 * {@code us.bpsm.edn.Keyword}, and unmodifiable {@link java.util.List}, {@link java.util.Set} and
 * {@link Map} of those. Multi-key ("independent") values are two-element lists {@code [key value]}.
 *
 * @param index   position in the history, dense from 0; {@code -1} before a recorder assigns it
 * @param time    nanoseconds since the start of the test; {@code -1} when unknown
 * @param type    invocation or completion type; never null
 * @param process the logical process; {@link #NEMESIS} for the nemesis
 * @param f       the function, a keyword name such as {@code "read"}; never null
 * @param value   the argument or result; may be null
 * @param error   why it failed or is unknown; null when there is none
 * @param extra   any other keys of the record, kept for round trips; never null
 */
public record Op(long index, long time, OpType type, int process, String f, Object value,
                 Object error, Map<String, Object> extra) {

    /** The process number that stands for the nemesis ({@code :process :nemesis}). */
    public static final int NEMESIS = -1;

    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        extra = extra == null || extra.isEmpty() ? Map.of() : Map.copyOf(extra);
        if (process < NEMESIS) {
            throw new IllegalArgumentException("process must be >= 0 or NEMESIS, was " + process);
        }
    }

    /** An invocation by a client process, not yet indexed or timed. */
    public static Op invoke(int process, String f, Object value) {
        return new Op(-1, -1, OpType.INVOKE, process, f, value, null, Map.of());
    }

    /** This op with another index. */
    public Op withIndex(long newIndex) {
        return new Op(newIndex, time, type, process, f, value, error, extra);
    }

    /** This op with another time. */
    public Op withTime(long newTime) {
        return new Op(index, newTime, type, process, f, value, error, extra);
    }

    /** This op with another process (used when a process is renewed after an info op). */
    public Op withProcess(int newProcess) {
        return new Op(index, time, type, newProcess, f, value, error, extra);
    }

    /** This op with one more extra key, e.g. {@code exception}. */
    public Op withExtra(String key, Object extraValue) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(extra);
        copy.put(Objects.requireNonNull(key, "key"), extraValue);
        return new Op(index, time, type, process, f, value, error, copy);
    }

    /** The completion of this invocation: same process and f, given type and value, no error. */
    public Op complete(OpType completionType, Object resultValue) {
        if (!completionType.isCompletion()) {
            throw new IllegalArgumentException("completion type must be ok, fail or info, was " + completionType);
        }
        return new Op(-1, -1, completionType, process, f, resultValue, null, Map.of());
    }

    /** The completion {@code ok} with a value. */
    public Op ok(Object resultValue) {
        return complete(OpType.OK, resultValue);
    }

    /** The completion {@code fail}, keeping the invoked value, with an error. */
    public Op fail(Object why) {
        return new Op(-1, -1, OpType.FAIL, process, f, value, why, Map.of());
    }

    /** The completion {@code info}, keeping the invoked value, with an error. */
    public Op info(Object why) {
        return new Op(-1, -1, OpType.INFO, process, f, value, why, Map.of());
    }

    public boolean isInvoke() {
        return type == OpType.INVOKE;
    }

    public boolean isOk() {
        return type == OpType.OK;
    }

    public boolean isFail() {
        return type == OpType.FAIL;
    }

    public boolean isInfo() {
        return type == OpType.INFO;
    }

    /** True when this op belongs to the nemesis rather than a client. */
    public boolean isNemesis() {
        return process == NEMESIS;
    }

    /** A short EDN rendering, e.g. {@code {:index 3, :type :ok, :process 1, :f :read, :value 2}}. */
    @Override
    public String toString() {
        return io.faultline.core.history.EdnOps.toEdn(this);
    }
}
