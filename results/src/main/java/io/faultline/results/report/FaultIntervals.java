package io.faultline.results.report;

import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault periods from the nemesis ops of a history. Each nemesis action is an {@code :info} pair; actions
 * pair up into periods by their f:
 * <ul>
 *   <li>{@code start-X} begins a period of kind X, {@code stop-X} ends every open one of kind X;
 *   <li>{@code kill} begins {@code kill}, {@code start} ends it (or, with no kill open, begins a Jepsen-style
 *       {@code fault} period that {@code stop} ends); {@code pause} begins {@code pause}, {@code resume} ends it;
 *   <li>{@code heal} ends every open period; any other f is a period of the action's own duration.
 * </ul>
 * Stateless.
 */
final class FaultIntervals {

    private static final int LABEL_LIMIT = 160;

    private FaultIntervals() {
    }

    static List<FaultInterval> of(History history, HistoryClock clock) {
        List<FaultInterval> done = new ArrayList<>();
        List<Open> open = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (!op.isNemesis()) continue;
            int pair = history.pairPosition(i);
            if (pair >= 0 && pair < i) continue; // the completion of an action already seen
            Op completion = pair > i ? history.get(pair) : null;
            long from = clock.nanos(op);
            long to = completion == null ? from : clock.nanos(completion);
            Object value = completion != null && completion.value() != null ? completion.value() : op.value();
            String label = label(op.f(), value);
            String f = op.f();
            Optional<String> ends = endedKind(f, open);
            if (f.equals("heal")) {
                closeAll(open, done, k -> true, to, label);
            } else if (ends.isPresent()) {
                String kind = ends.get();
                closeAll(open, done, k -> k.equals(kind), to, label);
            } else {
                Optional<String> begins = begunKind(f);
                if (begins.isPresent()) {
                    open.add(new Open(begins.get(), label, from, op.index()));
                } else {
                    done.add(new FaultInterval(f, label, HistoryClock.seconds(from), HistoryClock.seconds(to), false,
                            op.index()));
                }
            }
        }
        for (Open o : open) {
            done.add(new FaultInterval(o.kind, o.label, HistoryClock.seconds(o.from), HistoryClock.seconds(clock.end()),
                    true, o.index));
        }
        done.sort(java.util.Comparator.comparingDouble(FaultInterval::start));
        return done;
    }

    private static Optional<String> endedKind(String f, List<Open> open) {
        if (f.startsWith("stop-")) return Optional.of(f.substring(5));
        if (f.equals("resume")) return Optional.of("pause");
        if (f.equals("stop")) return Optional.of("fault");
        if (f.equals("start") && open.stream().anyMatch(o -> o.kind.equals("kill"))) return Optional.of("kill");
        return Optional.empty();
    }

    private static Optional<String> begunKind(String f) {
        if (f.startsWith("start-")) return Optional.of(f.substring(6));
        if (f.equals("kill") || f.equals("pause")) return Optional.of(f);
        if (f.equals("start")) return Optional.of("fault");
        return Optional.empty();
    }

    private static void closeAll(List<Open> open, List<FaultInterval> done, java.util.function.Predicate<String> kind,
                                 long to, String closingLabel) {
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (kind.test(o.kind)) {
                done.add(new FaultInterval(o.kind, o.label, HistoryClock.seconds(o.from), HistoryClock.seconds(to), false,
                        o.index));
                it.remove();
            }
        }
    }

    static String label(String f, Object value) {
        String text = value == null ? f : f + " " + EdnOps.valueToEdn(value);
        return text.length() > LABEL_LIMIT ? text.substring(0, LABEL_LIMIT - 1) + "…" : text;
    }

    /** The labels of the faults that may have been in effect at a time in seconds. */
    static List<String> activeAt(List<FaultInterval> faults, double seconds) {
        List<String> labels = new ArrayList<>();
        for (FaultInterval f : faults) if (f.covers(seconds)) labels.add(f.label());
        return labels;
    }

    private record Open(String kind, String label, long from, long index) {
    }
}
