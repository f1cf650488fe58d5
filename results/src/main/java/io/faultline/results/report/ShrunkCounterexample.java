package io.faultline.results.report;

import io.faultline.core.op.Op;
import java.util.List;
import java.util.Objects;

/**
 * The smallest set of one key's ops found still invalid to a checker, computed before the report is
 * written (the report only draws it; the checking is the caller's, e.g. the harness's counterexample
 * shrinker). Either {@code ops} are given, or {@code note} says why there are none (e.g. the key's
 * history was too long to shrink).
 *
 * @param key     the key as EDN, e.g. {@code 9}; never null
 * @param model   the model checked against, e.g. {@code cas-register}; never null
 * @param ops     the ops with their original indices and times, invocations and completions, in history
 *                order; empty when it was not computed
 * @param from    how many ops the key had in the history
 * @param minimal true when no single operation of {@code ops} can be removed with the verdict staying false;
 *                false when the work was capped before that
 * @param note    a sentence on how it was found or why it is missing; never null
 */
public record ShrunkCounterexample(String key, String model, List<Op> ops, int from, boolean minimal, String note) {

    public ShrunkCounterexample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(note, "note");
        ops = List.copyOf(ops);
    }
}
