package io.faultline.harness.shrink;

import java.util.List;

/**
 * How a candidate did: of {@code tries} runs, {@code failures} showed the original's anomaly kind.
 *
 * @param tries    runs made
 * @param failures runs invalid with the original's anomaly kind
 * @param kinds    per run, the anomaly kinds it showed (empty for a valid run)
 * @param runs     per run, its run directory (as text; empty in tests)
 */
public record Verdict(int tries, int failures, List<List<String>> kinds, List<String> runs) {

    public Verdict {
        kinds = List.copyOf(kinds.stream().map(List::copyOf).toList());
        runs = List.copyOf(runs);
    }

    /** A candidate fails (still shows the anomaly) when at least one try did. */
    public boolean failed() {
        return failures > 0;
    }

    /** e.g. {@code 3 of 3}. */
    public String reproduced() {
        return failures + " of " + tries;
    }
}
