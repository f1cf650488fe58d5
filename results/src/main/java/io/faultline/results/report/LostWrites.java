package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.results.codec.ResultCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lost elements in a result's JSON tree (a {@code lost} detail that is an array, under any result) and
 * matches each to the first acknowledged ({@code :ok}) client op whose invocation value is that element, or
 * whose {@code [key element]} tuple carries it. Stateless.
 */
final class LostWrites {

    /** At most this many lost elements are listed. */
    static final int LIMIT = 2_000;

    private LostWrites() {
    }

    static List<LostWrite> find(JsonNode results, History history, HistoryClock clock, List<FaultInterval> faults) {
        List<Found> found = new ArrayList<>();
        ResultTree.visitDetails(results, (path, entry) -> {
            if (entry.getKey().equals("lost") && entry.getValue().isArray()) {
                for (JsonNode element : entry.getValue()) {
                    if (found.size() < LIMIT) found.add(new Found(ResultTree.join(path, "lost"), element));
                }
            }
        });
        if (found.isEmpty()) return List.of();
        Map<String, Integer> acked = acknowledgements(history);
        List<LostWrite> out = new ArrayList<>();
        for (Found lost : found) {
            String element = lost.element.isTextual() ? lost.element.asText() : lost.element.toString();
            Integer pos = acked.get(lost.element.toString());
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

    /** By JSON text: the position of the first acknowledged invocation of each value (and tuple's inner value). */
    private static Map<String, Integer> acknowledgements(History history) {
        Map<String, Integer> acked = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            Op inv = history.get(i);
            if (inv.isNemesis() || !inv.isInvoke() || inv.value() == null) continue;
            Op done = history.completionOf(i);
            if (done == null || !done.isOk()) continue;
            acked.putIfAbsent(ResultCodec.valueToJson(inv.value()).toString(), i);
            if (inv.value() instanceof List<?> tuple && tuple.size() == 2) {
                acked.putIfAbsent(ResultCodec.valueToJson(tuple.get(1)).toString(), i);
            }
        }
        return acked;
    }

    private record Found(String path, JsonNode element) {
    }
}
