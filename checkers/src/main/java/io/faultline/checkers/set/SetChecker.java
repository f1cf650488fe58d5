package io.faultline.checkers.set;

import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lost writes in a set workload (Jepsen's set / set-full semantics): {@code :add e} ops and reads whose ok
 * value is the whole set (a list or set). Judged against the last ok read (the final read):
 * <ul>
 *   <li>{@code lost}: adds acknowledged ok, completed before the final read began, absent from it;
 *   <li>{@code unexpected}: read but never attempted;
 *   <li>{@code failed-but-read}: read although their add failed ({@code :fail} means it did not happen);
 *   <li>{@code recovered}: read although their add's outcome was unknown ({@code :info} or no completion);
 *   <li>{@code never-read}: attempted, not acknowledged, and absent from every read (not an error);
 *   <li>{@code stale}: acknowledged ok, present in some read, absent from a later read begun after it (lost too).
 * </ul>
 * Valid when lost, unexpected and failed-but-read are empty; unknown when there is no ok read. Elements
 * are compared as EDN data. Stateless and thread-safe.
 */
public final class SetChecker implements Checker {

    private static final int SHOWN = 100;

    @Override
    public Result check(History history) {
        Map<Object, Integer> okAdd = new LinkedHashMap<>();
        Set<Object> attempted = new LinkedHashSet<>();
        Set<Object> failed = new HashSet<>();
        List<Integer> reads = new ArrayList<>();
        for (int p = 0; p < history.size(); p++) {
            Op op = history.get(p);
            if (op.isNemesis() || !op.isInvoke()) continue;
            Op done = history.completionOf(p);
            if (op.f().equals("add")) {
                attempted.add(op.value());
                if (done != null && done.isOk()) okAdd.putIfAbsent(op.value(), history.pairPosition(p));
                if (done != null && done.isFail()) failed.add(op.value());
            } else if (op.f().equals("read") && done != null && done.isOk()) {
                reads.add(p);
            }
        }
        if (reads.isEmpty()) return Result.unknown("no ok read of the set, so lost writes cannot be judged")
                .with("attempt-count", attempted.size());
        int finalInv = reads.get(reads.size() - 1);
        Set<Object> finalRead = elements(history.completionOf(finalInv));
        Set<Object> everRead = new HashSet<>();
        Map<Object, Integer> firstSeen = new LinkedHashMap<>();
        Set<Object> stale = new LinkedHashSet<>();
        for (int inv : reads) {
            Set<Object> read = elements(history.completionOf(inv));
            for (Object e : read) firstSeen.putIfAbsent(e, history.pairPosition(inv));
            for (Map.Entry<Object, Integer> seen : firstSeen.entrySet()) {
                Integer ack = okAdd.get(seen.getKey());
                if (ack != null && seen.getValue() < inv && ack < inv && !read.contains(seen.getKey())) stale.add(seen.getKey());
            }
            everRead.addAll(read);
        }
        List<Object> lost = new ArrayList<>();
        for (Map.Entry<Object, Integer> e : okAdd.entrySet()) {
            if (e.getValue() < finalInv && !finalRead.contains(e.getKey())) lost.add(e.getKey());
        }
        List<Object> unexpected = new ArrayList<>();
        List<Object> failedButRead = new ArrayList<>();
        List<Object> recovered = new ArrayList<>();
        for (Object e : everRead) {
            if (!attempted.contains(e)) unexpected.add(e);
            else if (failed.contains(e) && !okAdd.containsKey(e)) failedButRead.add(e);
            else if (!okAdd.containsKey(e)) recovered.add(e);
        }
        List<Object> neverRead = new ArrayList<>();
        for (Object e : attempted) if (!okAdd.containsKey(e) && !everRead.contains(e)) neverRead.add(e);
        boolean valid = lost.isEmpty() && unexpected.isEmpty() && failedButRead.isEmpty() && stale.isEmpty();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("attempt-count", attempted.size());
        d.put("acknowledged-count", okAdd.size());
        d.put("read-count", reads.size());
        d.put("final-read-count", finalRead.size());
        d.put("lost-count", lost.size());
        d.put("lost", shown(lost));
        d.put("stale-count", stale.size());
        d.put("stale", shown(new ArrayList<>(stale)));
        d.put("unexpected-count", unexpected.size());
        d.put("unexpected", shown(unexpected));
        d.put("failed-but-read-count", failedButRead.size());
        d.put("failed-but-read", shown(failedButRead));
        d.put("recovered-count", recovered.size());
        d.put("recovered", shown(recovered));
        d.put("never-read-count", neverRead.size());
        d.put("never-read", shown(neverRead));
        String explanation = valid
                ? "all " + okAdd.size() + " acknowledged adds were read (" + recovered.size() + " unknown adds recovered)"
                : lost.size() + " acknowledged adds lost, " + stale.size() + " read then lost, " + unexpected.size()
                        + " unexpected, " + failedButRead.size() + " failed adds read";
        return new Result(Validity.of(valid), explanation, d);
    }

    private static Set<Object> elements(Op read) {
        if (read.value() instanceof Collection<?> c) return new HashSet<>(c);
        throw new IllegalArgumentException("op " + read.index() + " (:read): expected a set or list of elements, found "
                + read.value());
    }

    /** Up to {@value #SHOWN} elements as EDN strings. */
    private static List<String> shown(List<Object> elements) {
        List<String> out = new ArrayList<>();
        for (Object e : elements.subList(0, Math.min(SHOWN, elements.size()))) out.add(EdnOps.valueToEdn(e));
        return out;
    }
}
