package io.faultline.harness.schedule;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an explicit fault schedule ({@code --faults FILE}, {@code faults.edn}): start the fault
 * package {@code fault} with {@code args} at {@code atMillis} after the test's start (time 0 of the
 * history), and stop it {@code durationMillis} later. Times are milliseconds.
 *
 * @param atMillis       when the start op is due, ms since test start; {@code >= 0}
 * @param fault          a fault package's name ({@code partition}, {@code kill}, {@code pause}, {@code zk},
 *                       {@code latency}, {@code flaky}); checked against the vocabulary by the plan
 * @param args           the start op's value: for {@code partition} a grudge ({@code primaries},
 *                       {@code one}, {@code isolate n1}, {@code n1,n2|n3,n4,n5}...), for {@code kill}/{@code pause}
 *                       a target name or a list of node names, for {@code zk} a node; or null for the
 *                       test's default (its {@code --partition}/{@code --target})
 * @param durationMillis how long after the start op is due the stop op is due; {@code > 0}
 */
public record ScheduledFault(long atMillis, String fault, Object args, long durationMillis) {

    public ScheduledFault {
        if (atMillis < 0) throw new IllegalArgumentException("at must be >= 0 ms, was " + atMillis);
        if (durationMillis <= 0) throw new IllegalArgumentException("duration must be > 0 ms, was " + durationMillis);
        Objects.requireNonNull(fault, "fault");
        if (fault.isBlank()) throw new IllegalArgumentException("fault must name a fault package");
        if (args instanceof List<?> l) args = List.copyOf(l.stream().map(String::valueOf).toList());
    }

    /** When the stop op is due, ms since test start. */
    public long endMillis() {
        return atMillis + durationMillis;
    }

    /** This entry with another start time. */
    public ScheduledFault at(long millis) {
        return new ScheduledFault(millis, fault, args, durationMillis);
    }

    /** This entry with another duration. */
    public ScheduledFault lasting(long millis) {
        return new ScheduledFault(atMillis, fault, args, millis);
    }
}
