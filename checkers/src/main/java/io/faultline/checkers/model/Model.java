package io.faultline.checkers.model;

import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.function.Predicate;

/**
 * A sequential specification: the states of an object and how each operation moves it.
 *
 * <p>Contract, relied on by the linearizability search:
 * <ul>
 *   <li>States are immutable values with {@code equals}/{@code hashCode} (records); never null.
 *   <li>{@link #step} is pure and depends only on the state and on the {@code f} and values of the
 *       invocation and completion (not on process, time or index): two unknown-outcome ops with equal
 *       {@code f} and invocation value are interchangeable.
 *   <li>Implementations are immutable and thread-safe: one model is used by parallel per-key checks.
 * </ul>
 *
 * <p>To add a model, implement this interface (a record of its settings is a good shape) and pass it to
 * {@code Linearizability.checker(model, options)}; {@link Models#byName} lists the built-in ones.
 *
 * @param <S> the state type
 */
public interface Model<S> {

    /** The model's name as on the command line, e.g. {@code "cas-register"}. */
    String name();

    /** The state before any operation; never null. */
    S init();

    /**
     * Applies one operation that took effect.
     *
     * @param state      the state before; never null
     * @param invocation the {@code :invoke} op, whose value is the argument
     * @param completion the {@code :ok} op whose value is the result, or null when the outcome is unknown
     *                   ({@code :info} or never completed): then only the invocation's value is known
     * @return the state after, or null when the operation is inconsistent with {@code state}
     * @throws IllegalArgumentException naming the op when its {@code f} or value is not one this model knows
     */
    S step(S state, Op invocation, Op completion);

    /**
     * True when an operation with an unknown outcome (completion null) changes nothing and constrains
     * nothing, so the search may leave it out, e.g. a read that timed out. Default false.
     */
    default boolean constrainsNothing(Op invocation) {
        return false;
    }

    /**
     * Which unknown-outcome invocations of {@code history} no linearization needs, so the search may leave
     * them out, e.g. a register write whose value no read or cas ever observes. Must be exact: leaving
     * them out must not change the verdict. Called once per search, before it; default: none.
     *
     * @param history the (single-key) history about to be searched
     * @return a predicate over invocations whose outcome is unknown; never null
     */
    default Predicate<Op> omittable(History history) {
        return op -> false;
    }

    /** A short rendering of a state for people and reports, EDN-like by default. */
    default String describe(S state) {
        return String.valueOf(state);
    }

    /** A short rendering of an operation, e.g. {@code :cas [1 2]}; the completion may be null. */
    default String describeOp(Op invocation, Op completion) {
        Object v = completion != null && completion.value() != null ? completion.value() : invocation.value();
        if (v == null && (completion == null || !invocation.f().equals("read"))) return ":" + invocation.f();
        return ":" + invocation.f() + " " + EdnOps.valueToEdn(v);
    }
}
