package io.faultline.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds linearizability counterexamples in a result's JSON tree and turns them into {@link CounterexampleView}s.
 *
 * <p>A counterexample is any detail object with an {@code op} object and a {@code concurrent} array, as the
 * checkers module's {@code Counterexample} record writes it ({@code op}/{@code concurrent} as op summaries
 * with {@code index}, {@code process}, {@code type}, {@code f}, {@code value}, {@code description},
 * {@code invokeTime}, {@code completeTime}; {@code reachable} as states with {@code state} and
 * {@code lastLinearized}). Plain ops (JSON-lines shape) are accepted too, and states given as bare values.
 * Missing times are looked up in the history by index. Stateless.
 */
final class Counterexamples {

    /** At most this many counterexamples are drawn (independent checks may find one per key). */
    static final int LIMIT = 8;

    private Counterexamples() {
    }

    static List<CounterexampleView> find(JsonNode results, History history, HistoryClock clock,
                                         List<FaultInterval> faults) {
        List<CounterexampleView> out = new ArrayList<>();
        ResultTree.visitDetails(results, (path, entry) -> collect(ResultTree.join(path, entry.getKey()), entry.getValue(),
                history, clock, faults, out, 0));
        return out;
    }

    private static void collect(String path, JsonNode node, History history, HistoryClock clock,
                                List<FaultInterval> faults, List<CounterexampleView> out, int depth) {
        if (out.size() >= LIMIT || depth > 6 || node == null || ResultTree.isResult(node)) return;
        if (isCounterexample(node)) {
            out.add(view(path, node, history, clock, faults));
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(ResultTree.join(path, e.getKey()), e.getValue(), history, clock,
                    faults, out, depth + 1));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 100; i++) {
                collect(ResultTree.join(path, Integer.toString(i)), node.get(i), history, clock, faults, out, depth + 1);
            }
        }
    }

    static boolean isCounterexample(JsonNode n) {
        return n.isObject() && n.path("op").isObject() && n.path("op").has("process") && n.path("concurrent").isArray();
    }

    private static CounterexampleView view(String path, JsonNode n, History history, HistoryClock clock,
                                           List<FaultInterval> faults) {
        CounterexampleView.OpBar op = bar(n.get("op"), history, clock);
        List<CounterexampleView.OpBar> concurrent = new ArrayList<>();
        for (JsonNode c : n.get("concurrent")) if (c.isObject()) concurrent.add(bar(c, history, clock));
        List<CounterexampleView.State> states = new ArrayList<>();
        JsonNode reachable = n.has("reachable") ? n.get("reachable") : n.path("states");
        for (JsonNode s : reachable) {
            if (s.isObject() && s.has("state")) {
                List<CounterexampleView.OpBar> last = new ArrayList<>();
                for (JsonNode l : s.path("lastLinearized")) if (l.isObject()) last.add(bar(l, history, clock));
                states.add(new CounterexampleView.State(text(s.get("state")), s.path("linearized").asLong(-1), last));
            } else {
                states.add(new CounterexampleView.State(text(s), -1, List.of()));
            }
        }
        double end = op.end() >= 0 ? op.end() : op.start();
        List<String> active = new ArrayList<>();
        for (FaultInterval f : faults) {
            if (op.start() >= 0 && f.start() <= end && op.start() <= f.end()) active.add(f.label());
        }
        return new CounterexampleView(path, n.path("model").asText(""), op, concurrent, states, active);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "nil" : n.isTextual() ? n.asText() : n.toString();
    }

    private static CounterexampleView.OpBar bar(JsonNode o, History history, HistoryClock clock) {
        long index = o.path("index").asLong(-1);
        long process = o.path("process").isNumber() ? o.get("process").asLong() : -1;
        String f = o.path("f").asText("?");
        String type = o.path("type").asText("?");
        String text = o.hasNonNull("description") ? o.get("description").asText()
                : ":" + f + " " + (o.has("value") ? text(o.get("value")) : "");
        double start = seconds(o.path("invokeTime").asLong(-1));
        double end = seconds(o.path("completeTime").asLong(-1));
        if (start < 0 && index >= 0 && index < history.size()) {
            int pos = (int) index;
            Op at = history.get(pos);
            if (at.index() == index) {
                int pair = history.pairPosition(pos);
                Op inv = at.isInvoke() || pair < 0 || pair > pos ? at : history.get(pair);
                Op done = inv == at ? (pair > pos ? history.get(pair) : null) : at;
                start = HistoryClock.seconds(clock.nanos(inv));
                end = done == null ? -1 : HistoryClock.seconds(clock.nanos(done));
                if ("invoke".equals(type)) type = done == null ? "crashed" : done.type().keywordName();
                index = inv.index();
            }
        }
        return new CounterexampleView.OpBar(index, process, type, f, text, start, end);
    }

    private static double seconds(long nanos) {
        return nanos < 0 ? -1 : HistoryClock.seconds(nanos);
    }
}
