package io.faultline.core.generator;

import java.util.Objects;

/**
 * One kind of fault a {@link FaultSchedule} can inject: the nemesis op that starts it and the one
 * that ends it. Values are plain immutable data as in {@link io.faultline.core.op.Op} (strings,
 * numbers, EDN keywords, lists, maps); what they mean is up to the nemesis that handles the f.
 *
 * @param name       a short name for logs and reports, e.g. {@code "partition"}
 * @param startF     the f of the op that starts the fault, e.g. {@code "start-partition"}
 * @param startValue its value, e.g. the grudge {@code :majority} or the nodes to kill
 * @param stopF      the f of the op that ends the fault, e.g. {@code "stop-partition"}; null for a
 *                   fault that ends by itself (then the schedule only waits)
 * @param stopValue  its value; may be null
 */
public record FaultKind(String name, String startF, Object startValue, String stopF, Object stopValue) {

    public FaultKind {
        requireName("name", name);
        requireName("startF", startF);
        if (stopF != null) {
            requireName("stopF", stopF);
        }
    }

    /** A fault started by {@code startF startValue} and ended by {@code stopF stopValue}. */
    public static FaultKind of(String name, String startF, Object startValue, String stopF, Object stopValue) {
        return new FaultKind(name, startF, startValue, stopF, stopValue);
    }

    /** A network partition: {@code start-partition grudge}, healed by {@code stop-partition}. */
    public static FaultKind partition(Object grudge) {
        return new FaultKind("partition", "start-partition", grudge, "stop-partition", null);
    }

    /** Killing processes: {@code kill targets}, undone by restarting them with {@code start targets}. */
    public static FaultKind kill(Object targets) {
        return new FaultKind("kill", "kill", targets, "start", targets);
    }

    /** Pausing processes (SIGSTOP): {@code pause targets}, undone by {@code resume targets}. */
    public static FaultKind pause(Object targets) {
        return new FaultKind("pause", "pause", targets, "resume", targets);
    }

    /** True when the fault has a stop op. */
    public boolean hasStop() {
        return stopF != null;
    }

    private static void requireName(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, was \"" + s + "\"");
        }
    }
}
