package io.faultline.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kinds of anomaly a run's result shows, from {@code results.json} (the combined result whose details
 * hold each checker's result by name): for each checker whose verdict is false, {@code <checker>/<what>}
 * for each non-empty list of anomalies it reports ({@code set/lost}, {@code set/stale}, {@code set/unexpected},
 * {@code set/failed-but-read}), {@code <checker>/non-linearizable} for a linearizability checker (e.g.
 * {@code linear/non-linearizable}), or just {@code <checker>} otherwise. Empty for a valid run.
 */
public final class AnomalyKinds {

    private static final List<String> LISTS = List.of("lost", "stale", "unexpected", "failed-but-read");

    private AnomalyKinds() {
    }

    /** @param results the parsed {@code results.json} */
    public static List<String> of(Map<String, Object> results) {
        List<String> out = new ArrayList<>();
        if (!Boolean.FALSE.equals(results.get("valid"))) return out;
        if (!(results.get("details") instanceof Map<?, ?> details)) return List.of("invalid");
        for (Map.Entry<?, ?> e : details.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> sub) || !Boolean.FALSE.equals(sub.get("valid"))) continue;
            String name = String.valueOf(e.getKey());
            Map<?, ?> d = sub.get("details") instanceof Map<?, ?> m ? m : Map.of();
            int before = out.size();
            for (String list : LISTS) {
                if (d.get(list + "-count") instanceof Number count && count.longValue() > 0) out.add(name + "/" + list);
            }
            if (out.size() == before) {
                boolean linear = d.containsKey("false-keys") || d.containsKey("counterexample") || "linear".equals(name);
                out.add(linear ? name + "/non-linearizable" : name);
            }
        }
        return out.isEmpty() ? List.of("invalid") : out;
    }
}
