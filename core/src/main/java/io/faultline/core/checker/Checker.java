package io.faultline.core.checker;

import io.faultline.core.history.History;

/**
 * Judges a history. Implementations are stateless or confined to one call, may be called from any
 * thread, and must never answer {@link Validity#TRUE} unless they checked: a budget that runs out or
 * an error gives {@link Validity#UNKNOWN} with the cause.
 */
@FunctionalInterface
public interface Checker {

    /** Checks a complete history (client and nemesis ops); never returns null. */
    Result check(History history);
}
