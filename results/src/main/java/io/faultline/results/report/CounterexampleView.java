package io.faultline.results.report;

import java.util.List;

/**
 * A linearizability counterexample, ready to draw: the op that cannot be linearized, the ops concurrent
 * with it, and the model states reachable just before it.
 *
 * @param path       where in the result tree it was found, e.g. {@code linear / counterexample}
 * @param model      the model's name, or "" when the checker did not say
 * @param op         the op that cannot be linearized
 * @param concurrent ops whose invoke..complete window overlaps it, in invocation order
 * @param reachable  states reachable before it, each with the last ops linearized to get there
 * @param faults     labels of the faults that may have been in effect while it ran
 */
public record CounterexampleView(String path, String model, OpBar op, List<OpBar> concurrent,
                                 List<State> reachable, List<String> faults) {

    /**
     * One op as a bar from invocation to completion.
     *
     * @param index   the invocation's index
     * @param process the process
     * @param type    how it completed: ok, fail, info, or crashed
     * @param f       the function
     * @param text    what to write on the bar, e.g. {@code :cas [1 2]}
     * @param start   invocation time, seconds; -1 when unknown
     * @param end     completion time, seconds; -1 when it never completed or is unknown
     */
    public record OpBar(long index, long process, String type, String f, String text, double start, double end) {
    }

    /**
     * @param state      the model's rendering of the state
     * @param linearized how many ops were linearized to reach it; -1 when unknown
     * @param last       the last of those ops, oldest first
     */
    public record State(String state, long linearized, List<OpBar> last) {
    }
}
