package io.faultline.core.nemesis;

import io.faultline.core.op.Op;
import java.util.Set;

/**
 * Something that injects faults: partitions, kills, pauses, clock skew.
 *
 * <p>Lifecycle: {@link #setup()} once before the test, {@link #invoke(Op)} from the single nemesis
 * thread for each fault op of the schedule, {@link #teardown()} once at the end, also after a
 * failure, undoing every fault still in effect. Nemeses are combined by wrapping ({@code compose}),
 * never by inheritance.
 */
public interface Nemesis {

    /** Prepares the nemesis (e.g. learns the links or nodes). Default: nothing. */
    default void setup() throws Exception {
    }

    /**
     * Carries out one fault op and returns its completion.
     *
     * @param op an invocation with {@code process == Op.NEMESIS}, {@code type == INVOKE}, and an
     *           {@code f} among {@link #fs()}
     * @return the completion, of type {@code INFO}, whose value says what was done (e.g. the grudge
     *         or the nodes killed)
     */
    Op invoke(Op op) throws Exception;

    /** Heals every fault still in effect and releases resources. Default: nothing. */
    default void teardown() throws Exception {
    }

    /** The fault functions this nemesis handles, e.g. {@code start-partition}, {@code kill}. */
    Set<String> fs();
}
