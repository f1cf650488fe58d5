package io.faultline.harness.schedule;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule a run actually executed, read back from its history: each nemesis invocation of a
 * package's start {@code f} paired with the next invocation of its stop {@code f} (the final heal
 * included), as {@code {at, fault, args, duration}} with times in ms since test start, {@code args} the
 * start op's value (what was asked, e.g. {@code primaries}) and {@code did} its completion's value (what
 * the nemesis did, e.g. the grudge). Replaying {@code args} asks for the same fault at the same moment.
 *
 * @param faults the entries, in order of start
 * @param did    per entry, the start op's completion value (or null)
 */
public record ExecutedFaults(List<ScheduledFault> faults, List<Object> did) {

    public ExecutedFaults {
        faults = List.copyOf(faults);
        did = java.util.Collections.unmodifiableList(new ArrayList<>(did));
    }

    /**
     * @param vocabulary the fault packages as {@code test.json} records them: maps with {@code name},
     *                   {@code start}, {@code stop} (the first with a start f names its faults)
     */
    public static ExecutedFaults of(History history, List<Map<String, Object>> vocabulary) {
        Map<String, String> nameByStart = new HashMap<>();
        Map<String, String> stopByStart = new HashMap<>();
        for (Map<String, Object> p : vocabulary) {
            String start = String.valueOf(p.get("start"));
            nameByStart.putIfAbsent(start, String.valueOf(p.get("name")));
            stopByStart.putIfAbsent(start, String.valueOf(p.get("stop")));
        }
        List<Op> ops = history.asList();
        List<ScheduledFault> faults = new ArrayList<>();
        List<Object> did = new ArrayList<>();
        long end = ops.isEmpty() ? 0 : ops.get(ops.size() - 1).time();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (!op.isNemesis() || !op.isInvoke() || !nameByStart.containsKey(op.f())) continue;
            String stop = stopByStart.get(op.f());
            long stopTime = end;
            Object result = null;
            boolean completed = false;
            for (int j = i + 1; j < ops.size(); j++) {
                Op later = ops.get(j);
                if (!later.isNemesis()) continue;
                if (!completed && !later.isInvoke() && later.f().equals(op.f())) {
                    result = later.value();
                    completed = true;
                } else if (later.isInvoke() && later.f().equals(stop)) {
                    stopTime = later.time();
                    break;
                }
            }
            long at = op.time() / 1_000_000;
            long duration = Math.max(1, stopTime / 1_000_000 - at);
            faults.add(new ScheduledFault(at, nameByStart.get(op.f()), op.value(), duration));
            did.add(result);
        }
        return new ExecutedFaults(faults, did);
    }
}
