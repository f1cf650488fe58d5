package io.faultline.results.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the report turns nemesis ops into fault intervals: which {@code f} begins an interval of which
 * kind and which ends it. A run of Faultline records its fault packages in {@code test.json}
 * ({@code "faults": [{"name", "start", "stop", "interval"}]}) and the report reads them from there;
 * a history without them (a foreign Jepsen history) gets {@link #conventional()}: Jepsen's
 * conventions ({@code start-X}/{@code stop-X}, {@code kill}/{@code start}, {@code pause}/{@code resume},
 * {@code start}/{@code stop}). In both, {@code heal} ends every open interval. Immutable.
 */
final class FaultVocabulary {

    private final Map<String, String> starts;
    private final Map<String, String> stops;
    private final boolean conventional;

    private FaultVocabulary(Map<String, String> starts, Map<String, String> stops, boolean conventional) {
        this.starts = Map.copyOf(starts);
        this.stops = Map.copyOf(stops);
        this.conventional = conventional;
    }

    /** The vocabulary {@code test.json} records under {@code faults}, else {@link #conventional()}. */
    static FaultVocabulary from(Map<String, Object> spec) {
        if (!(spec.get("faults") instanceof List<?> faults) || faults.isEmpty()) return conventional();
        Map<String, String> starts = new HashMap<>();
        Map<String, String> stops = new HashMap<>();
        for (Object f : faults) {
            if (!(f instanceof Map<?, ?> m) || m.get("start") == null || m.get("stop") == null) continue;
            String interval = String.valueOf(m.get("interval") != null ? m.get("interval") : m.get("name"));
            starts.put(String.valueOf(m.get("start")), interval);
            stops.put(String.valueOf(m.get("stop")), interval);
        }
        return starts.isEmpty() ? conventional() : new FaultVocabulary(starts, stops, false);
    }

    /** Jepsen's conventions, for histories that do not say. */
    static FaultVocabulary conventional() {
        return new FaultVocabulary(Map.of(), Map.of(), true);
    }

    /**
     * The kind of interval {@code f} ends, if any.
     *
     * @param openKinds the kinds of the intervals open now
     */
    Optional<String> ends(String f, List<String> openKinds) {
        if (!conventional) return Optional.ofNullable(stops.get(f)).filter(k -> !starts.containsKey(f) || openKinds.contains(k));
        if (f.startsWith("stop-")) return Optional.of(f.substring(5));
        if (f.equals("resume")) return Optional.of("pause");
        if (f.equals("stop")) return Optional.of("fault");
        if (f.equals("start") && openKinds.contains("kill")) return Optional.of("kill");
        return Optional.empty();
    }

    /** The kind of interval {@code f} begins, if any. */
    Optional<String> begins(String f) {
        if (!conventional) return Optional.ofNullable(starts.get(f));
        if (f.startsWith("start-")) return Optional.of(f.substring(6));
        if (f.equals("kill") || f.equals("pause")) return Optional.of(f);
        if (f.equals("start")) return Optional.of("fault");
        return Optional.empty();
    }
}
