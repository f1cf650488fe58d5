package io.faultline.checkers.linearizability;

import io.faultline.checkers.model.Model;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Wing–Gong–Lowe search for a linearization of one history against one model, with Lowe's cache of
 * visited (linearized set, state) configurations.
 *
 * <p>Each operation kept (ok, info or never completed; fail ops and unknown-outcome ops that constrain
 * nothing are dropped) has a call entry and a return entry in a doubly linked list ordered as in the
 * history. Ops of unknown outcome return "at infinity": their return entries sit at the end, so they may
 * linearize at any point after their invocation. The search succeeds as soon as every ok op is
 * linearized, so unknown-outcome ops may also never linearize.
 *
 * <p>Two refinements keep histories with many unknown-outcome ops tractable, both without losing
 * completeness: ok ops are tried before unknown-outcome ones at each step, and among unknown-outcome ops
 * with equal {@code f} and invocation value (interchangeable, by the {@link Model} contract) only the
 * earliest not yet linearized is tried.
 *
 * <p>Single use, confined to one thread.
 */
final class Search<S> {

    /** How a search ended. */
    enum Outcome { LINEARIZABLE, NOT_LINEARIZABLE, TIMED_OUT, CACHE_FULL }

    private static final int MAX_STUCK = 16;
    private static final int PREFIX_SHOWN = 16;
    private static final int OK_PHASE = 0;
    private static final int INFO_PHASE = 1;

    private final Model<S> model;
    private final int n;
    private final Op[] inv;
    private final Op[] comp;
    private final boolean[] unknown;
    private final int[] prevEquivalent;
    private final long[] invPos;
    private final long[] retPos;
    private final int head;
    private final int[] next;
    private final int[] prev;
    private final long[] zobrist;
    private final int[] bit;
    private final int okCount;
    private final StateCache cache = new StateCache();

    private long bestPos = -1;
    private int blocked = -1;
    private final List<Stuck<S>> stuck = new ArrayList<>();

    record Stuck<S>(S state, int linearized, int[] lastCalls) {
    }

    Search(Model<S> model, History history) {
        this.model = model;
        int size = history.size();
        int[] callAt = new int[size];
        List<Integer> invocations = new ArrayList<>();
        java.util.function.Predicate<Op> omittable = model.omittable(history);
        List<Op> kept = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            callAt[p] = -1;
            if (history.type(p) != OpType.INVOKE || history.isNemesis(p)) continue;
            int donePos = history.pairPosition(p);
            OpType done = donePos > p ? history.type(donePos) : null;
            if (done == OpType.FAIL) continue;
            boolean isUnknown = done == null || done == OpType.INFO;
            Op op = history.get(p);
            if (isUnknown && (model.constrainsNothing(op) || omittable.test(op))) continue;
            callAt[p] = invocations.size();
            invocations.add(p);
            kept.add(op);
        }
        n = invocations.size();
        inv = new Op[n];
        comp = new Op[n];
        unknown = new boolean[n];
        prevEquivalent = new int[n];
        invPos = new long[n];
        retPos = new long[n];
        Map<List<Object>, Integer> lastOfKind = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int p = invocations.get(i);
            inv[i] = kept.get(i);
            int donePos = history.pairPosition(p);
            unknown[i] = donePos < p || history.type(donePos) == OpType.INFO;
            comp[i] = unknown[i] ? null : history.get(donePos);
            invPos[i] = p;
            retPos[i] = unknown[i] ? Long.MAX_VALUE : history.pairPosition(p);
            prevEquivalent[i] = -1;
            if (unknown[i]) {
                List<Object> kind = java.util.Arrays.asList(inv[i].f(), inv[i].value());
                Integer before = lastOfKind.put(kind, i);
                if (before != null) prevEquivalent[i] = before;
            }
        }
        head = 2 * n;
        next = new int[2 * n + 1];
        prev = new int[2 * n + 1];
        int last = head;
        for (int p = 0; p < size; p++) {
            int entry = -1;
            if (callAt[p] >= 0) {
                entry = 2 * callAt[p];
            } else {
                int pair = history.pairPosition(p);
                if (pair >= 0 && pair < p && callAt[pair] >= 0 && !unknown[callAt[pair]]) entry = 2 * callAt[pair] + 1;
            }
            if (entry >= 0) last = link(last, entry);
        }
        for (int i = 0; i < n; i++) {
            if (unknown[i]) last = link(last, 2 * i + 1);
        }
        next[last] = head;
        prev[head] = last;
        zobrist = new long[n];
        bit = new int[n];
        SplittableRandom random = new SplittableRandom(0x5eed);
        int oks = 0;
        int unknowns = 0;
        for (int i = 0; i < n; i++) {
            zobrist[i] = random.nextLong();
            bit[i] = unknown[i] ? unknowns++ : oks++;
        }
        okCount = oks;
    }

    private int link(int last, int entry) {
        next[last] = entry;
        prev[entry] = last;
        return entry;
    }

    int calls() {
        return n;
    }

    long cacheSize() {
        return cache.size();
    }

    long cacheBytes() {
        return cache.bytes();
    }

    /**
     * Runs the search.
     *
     * @param deadline a {@link System#nanoTime()} deadline, or 0 for none
     */
    @SuppressWarnings("unchecked")
    Outcome run(long deadline, long maxStates, long maxBytes) {
        int remainingOk = okCount;
        if (remainingOk == 0) return Outcome.LINEARIZABLE;
        long[] okBits = new long[(okCount >>> 6) + 1];
        long[] infoBits = new long[((n - okCount) >>> 6) + 1];
        long hash = 0;
        int[] stackEntry = new int[n];
        Object[] stackState = new Object[n];
        int[] stackPhase = new int[n];
        int depth = 0;
        S state = model.init();
        int entry = next[head];
        int phase = OK_PHASE;
        long steps = 0;
        while (true) {
            if ((++steps & 0xFFF) == 0) {
                if (deadline != 0 && System.nanoTime() - deadline > 0) return Outcome.TIMED_OUT;
                if (cache.size() > maxStates || cache.bytes() > maxBytes) return Outcome.CACHE_FULL;
            }
            if (entry == head) throw new IllegalStateException("search ran past the end with ok ops left");
            int call = entry >>> 1;
            if ((entry & 1) == 0) {
                if (unknown[call] == (phase == INFO_PHASE)
                        && (prevEquivalent[call] < 0 || isSet(infoBits, bit[prevEquivalent[call]]))) {
                    S after = model.step(state, inv[call], comp[call]);
                    if (after != null) {
                        long[] bits = unknown[call] ? infoBits : okBits;
                        int b = bit[call];
                        bits[b >>> 6] |= 1L << b;
                        if (!unknown[call]) hash ^= zobrist[call];
                        if (cache.add(hash, okBits, infoBits, after)) {
                            stackEntry[depth] = entry;
                            stackState[depth] = state;
                            stackPhase[depth] = phase;
                            depth++;
                            state = after;
                            lift(entry);
                            if (!unknown[call] && --remainingOk == 0) return Outcome.LINEARIZABLE;
                            entry = next[head];
                            phase = OK_PHASE;
                            continue;
                        }
                        bits[b >>> 6] &= ~(1L << b);
                        if (!unknown[call]) hash ^= zobrist[call];
                    }
                }
                entry = next[entry];
                continue;
            }
            if (unknown[call]) throw new IllegalStateException("search reached an unknown op's return with ok ops left");
            if (phase == OK_PHASE) {
                phase = INFO_PHASE;
                entry = next[head];
                continue;
            }
            noteStuck(call, state, stackEntry, depth);
            if (depth == 0) return Outcome.NOT_LINEARIZABLE;
            depth--;
            int top = stackEntry[depth];
            int undone = top >>> 1;
            unlift(top);
            long[] bits = unknown[undone] ? infoBits : okBits;
            bits[bit[undone] >>> 6] &= ~(1L << bit[undone]);
            if (!unknown[undone]) {
                hash ^= zobrist[undone];
                remainingOk++;
            }
            state = (S) stackState[depth];
            stackState[depth] = null;
            phase = stackPhase[depth];
            entry = next[top];
        }
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private void lift(int callEntry) {
        int ret = callEntry + 1;
        next[prev[callEntry]] = next[callEntry];
        prev[next[callEntry]] = prev[callEntry];
        next[prev[ret]] = next[ret];
        prev[next[ret]] = prev[ret];
    }

    private void unlift(int callEntry) {
        int ret = callEntry + 1;
        next[prev[ret]] = ret;
        prev[next[ret]] = ret;
        next[prev[callEntry]] = callEntry;
        prev[next[callEntry]] = callEntry;
    }

    private void noteStuck(int call, S state, int[] stackEntry, int depth) {
        long pos = retPos[call];
        if (pos < bestPos) return;
        if (pos > bestPos) {
            bestPos = pos;
            blocked = call;
            stuck.clear();
        }
        if (stuck.size() >= MAX_STUCK) return;
        for (Stuck<S> s : stuck) if (s.state().equals(state)) return;
        int shown = Math.min(depth, PREFIX_SHOWN);
        int[] last = new int[shown];
        for (int i = 0; i < shown; i++) last[i] = stackEntry[depth - shown + i] >>> 1;
        stuck.add(new Stuck<>(state, depth, last));
    }

    /** The op the search could not get past, or -1 before a failed run. */
    int blockedCall() {
        return blocked;
    }

    List<Stuck<S>> stuckStates() {
        return stuck;
    }

    Op invocation(int call) {
        return inv[call];
    }

    Op completion(int call) {
        return comp[call];
    }

    boolean isUnknown(int call) {
        return unknown[call];
    }

    /** Calls whose windows overlap {@code call}'s, in invocation order, at most {@code max}. */
    List<Integer> concurrentWith(int call, int max) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n && out.size() < max; i++) {
            if (i != call && invPos[i] < retPos[call] && retPos[i] > invPos[call]) out.add(i);
        }
        return out;
    }
}
