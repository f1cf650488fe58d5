package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.Arrays;

/**
 * Pairs invocations with completions: each process alternates invoke and completion; the nemesis may
 * record its faults as {@code :info}/{@code :info} pairs. Stateless.
 */
final class Pairing {

    private Pairing() {
    }

    /**
     * The pair index of a history: for each position, the position of its pair or -1.
     *
     * @throws HistoryFormatException naming {@code source} when a completion has no open invocation of
     *                                its process, or a process invokes twice without completing
     */
    static int[] pair(History h, String source) {
        int n = h.size();
        int[] pair = new int[n];
        Arrays.fill(pair, -1);
        LongIntMap open = new LongIntMap(64);
        for (int i = 0; i < n; i++) {
            int process = h.process(i);
            int pending = open.get(process, -1);
            OpType type = h.type(i);
            boolean nemesis = process == Op.NEMESIS;
            boolean opens = type == OpType.INVOKE || (nemesis && pending < 0);
            if (opens) {
                if (pending >= 0) {
                    throw new HistoryFormatException(source, 0, "process " + processName(process) + " invokes op "
                            + h.index(i) + " while its op " + h.index(pending)
                            + " has not completed (each process must alternate invoke and completion)");
                }
                open.put(process, i);
            } else {
                if (pending < 0) {
                    throw new HistoryFormatException(source, 0, "op " + h.index(i) + " (:" + type.keywordName()
                            + " :" + h.f(i) + " by process " + processName(process)
                            + ") completes no invocation: expected an earlier :invoke by the same process");
                }
                if (h.fId(pending) != h.fId(i) && !nemesis) {
                    throw new HistoryFormatException(source, 0, "op " + h.index(i) + " completes :" + h.f(i)
                            + " but process " + processName(process) + " invoked :" + h.f(pending) + " at op "
                            + h.index(pending));
                }
                pair[pending] = i;
                pair[i] = pending;
                open.put(process, -1);
            }
        }
        return pair;
    }

    private static String processName(int process) {
        return process == Op.NEMESIS ? ":nemesis" : Integer.toString(process);
    }
}
