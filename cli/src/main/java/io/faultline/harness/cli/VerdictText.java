package io.faultline.harness.cli;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Result;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A result as a few lines for a terminal: the overall verdict, one line per named checker with its
 * explanation and, for lost writes, the first lost elements; then the linearizability counterexample
 * when there is one.
 */
final class VerdictText {

    /** Elements of a list shown before "... N more". */
    static final int SHOWN = 10;

    private VerdictText() {
    }

    static List<String> lines(Result result) {
        List<String> lines = new ArrayList<>();
        List<String> rendered = Analysis.render(result);
        lines.add(rendered.get(0));
        boolean named = false;
        for (Map.Entry<String, Object> e : result.details().entrySet()) {
            if (!(e.getValue() instanceof Result sub)) continue;
            named = true;
            lines.add("  " + e.getKey() + ": " + sub.valid().label() + " - " + sub.explanation());
            for (String key : List.of("lost", "stale", "unexpected", "failed-but-read")) {
                if (sub.details().get(key) instanceof Collection<?> items && !items.isEmpty()) {
                    long total = sub.details().get(key + "-count") instanceof Number n ? n.longValue() : items.size();
                    lines.add("    " + key + ": " + abbreviate(items, total));
                }
            }
        }
        if (!named) lines.add(rendered.size() > 1 ? rendered.get(1) : result.explanation());
        if (rendered.size() > 2) lines.addAll(rendered.subList(2, rendered.size()));
        return lines;
    }

    /** The first {@value #SHOWN} items, then how many of {@code total} are not shown. */
    private static String abbreviate(Collection<?> items, long total) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Object item : items) {
            if (i == SHOWN) {
                sb.append(" ... ").append(total - SHOWN).append(" more");
                break;
            }
            if (i++ > 0) sb.append(' ');
            sb.append(item);
        }
        return sb.toString();
    }
}
