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
 * pair up into periods by their f, as the {@link FaultVocabulary} says (the run's fault packages, from
 * {@code test.json}): a start f begins a period of its kind, the stop f ends every open one of that
 * kind, {@code heal} ends every open period, and any other f is a period of the action's own duration.
 * Stateless.
 */
final class FaultIntervals {

    private static final int LABEL_LIMIT = 160;

    private FaultIntervals() {
    }

    /** The periods as Jepsen's conventions pair them (a history without a recorded vocabulary). */
    static List<FaultInterval> of(History history, HistoryClock clock) {
        return of(history, clock, FaultVocabulary.conventional());
    }

    static List<FaultInterval> of(History history, HistoryClock clock, FaultVocabulary vocabulary) {
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
            Optional<String> ends = vocabulary.ends(f, open.stream().map(Open::kind).toList());
            if (f.equals("heal")) {
                closeAll(open, done, k -> true, to, label);
            } else if (ends.isPresent()) {
                String kind = ends.get();
                closeAll(open, done, k -> k.equals(kind), to, label);
            } else {
                Optional<String> begins = vocabulary.begins(f);
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
