package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.results.codec.ResultCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lost elements in a result's JSON tree (a {@code lost} or {@code stale} detail that is an array, under
 * any result, as the checkers module's set checker writes them) and matches each to the first acknowledged
 * ({@code :ok}) client op whose invocation value is that element, or whose {@code [key element]} tuple carries
 * it. Elements may be EDN text (the set checker's {@code "70"}) or JSON data ({@code 70}). Stateless.
 */
final class LostWrites {

    /** At most this many lost elements are listed. */
    static final int LIMIT = 2_000;
    /** The details that list lost elements: acknowledged and never read, or read and then gone. */
    static final java.util.Set<String> LOST_KEYS = java.util.Set.of("lost", "stale");

    private LostWrites() {
    }

    static List<LostWrite> find(JsonNode results, History history, HistoryClock clock, List<FaultInterval> faults) {
        List<Found> found = new ArrayList<>();
        ResultTree.visitDetails(results, (path, entry) -> {
            if (LOST_KEYS.contains(entry.getKey()) && entry.getValue().isArray()) {
                for (JsonNode element : entry.getValue()) {
                    if (found.size() < LIMIT) found.add(new Found(ResultTree.join(path, entry.getKey()), element));
                }
            }
        });
        if (found.isEmpty()) return List.of();
        Map<String, Integer> acked = acknowledgements(history);
        List<LostWrite> out = new ArrayList<>();
        for (Found lost : found) {
            String element = lost.element.isTextual() ? lost.element.asText() : lost.element.toString();
            Integer pos = lost.element.isTextual() ? acked.get(EDN + lost.element.asText()) : null;
            if (pos == null) pos = acked.get(JSON + lost.element);
            if (pos == null) {
                out.add(new LostWrite(lost.path, element, -1, -1, "", -1, -1, List.of()));
                continue;
            }
            Op inv = history.get(pos);
            Op ok = history.completionOf(pos);
            double ack = HistoryClock.seconds(clock.nanos(ok));
            out.add(new LostWrite(lost.path, element, inv.index(), inv.process(), inv.f(),
                    HistoryClock.seconds(clock.nanos(inv)), ack, FaultIntervals.activeAt(faults, ack)));
        }
        return out;
    }

    /** By EDN and by JSON text: the position of the first acknowledged invocation of each value (and tuple's inner value). */
    private static Map<String, Integer> acknowledgements(History history) {
        Map<String, Integer> acked = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            Op inv = history.get(i);
            if (inv.isNemesis() || !inv.isInvoke() || inv.value() == null) continue;
            Op done = history.completionOf(i);
            if (done == null || !done.isOk()) continue;
            index(acked, inv.value(), i);
            if (inv.value() instanceof List<?> tuple && tuple.size() == 2) index(acked, tuple.get(1), i);
        }
        return acked;
    }

    private static final String EDN = "edn:";
    private static final String JSON = "json:";

    private static void index(Map<String, Integer> acked, Object value, int position) {
        acked.putIfAbsent(EDN + EdnOps.valueToEdn(value), position);
        acked.putIfAbsent(JSON + ResultCodec.valueToJson(value), position);
    }

    private record Found(String path, JsonNode element) {
    }
}
