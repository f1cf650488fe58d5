package io.faultline.results.bench;

import io.faultline.core.history.History;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import us.bpsm.edn.Keyword;

/**
 * A made-up but well-formed history of a multi-key register workload under a partitioning nemesis:
 * {@code concurrency} client processes invoke reads, writes and compare-and-sets on {@code [key value]}
 * tuples; about 3% of ops fail and 1% end {@code :info} (the process then continues under a new number,
 * as Jepsen does); latencies are skewed, and slower while a partition is on. Every 10 seconds the nemesis
 * starts a partition for 4 seconds. Deterministic for a seed. Not thread-safe.
 */
public final class SyntheticHistory {

    private static final Keyword TIMEOUT = Keyword.newKeyword("timeout");
    private static final String[] FS = {"read", "write", "cas"};

    private SyntheticHistory() {
    }

    /**
     * Generates a history of about {@code records} records (invocations plus completions).
     *
     * @throws IllegalArgumentException naming the value when records or concurrency is not positive
     */
    public static History generate(int records, int concurrency, long seed) {
        if (records <= 0) throw new IllegalArgumentException("records must be positive, was " + records);
        if (concurrency <= 0) throw new IllegalArgumentException("concurrency must be positive, was " + concurrency);
        SplittableRandom random = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>(records + 64);
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        int[] processOf = new int[concurrency];
        Op[] pending = new Op[concurrency];
        for (int w = 0; w < concurrency; w++) {
            processOf[w] = w;
            events.add(new long[] {random.nextLong(1_000_000), w, 0});
        }
        long nextFault = 10_000_000_000L;
        boolean partitioned = false;
        while (ops.size() < records) {
            long[] e = events.poll();
            long now = e[0];
            while (now >= nextFault) {
                String f = partitioned ? "stop-partition" : "start-partition";
                Object value = partitioned ? Keyword.newKeyword("network-healed")
                        : Map.of("n1", List.of("n3", "n4", "n5"), "n2", List.of("n3", "n4", "n5"));
                ops.add(new Op(-1, nextFault, OpType.INFO, Op.NEMESIS, f, null, null, Map.of()));
                ops.add(new Op(-1, nextFault + 2_000_000, OpType.INFO, Op.NEMESIS, f, value, null, Map.of()));
                partitioned = !partitioned;
                nextFault += partitioned ? 4_000_000_000L : 6_000_000_000L;
            }
            int w = (int) e[1];
            if (e[2] == 0) {
                String f = FS[random.nextInt(FS.length)];
                long key = random.nextInt(20);
                Object value = switch (f) {
                    case "read" -> java.util.Collections.unmodifiableList(java.util.Arrays.asList(key, null));
                    case "write" -> List.of(key, (long) random.nextInt(5));
                    default -> List.of(key, List.of((long) random.nextInt(5), (long) random.nextInt(5)));
                };
                Op invoke = new Op(-1, now, OpType.INVOKE, processOf[w], f, value, null, Map.of());
                ops.add(invoke);
                pending[w] = invoke;
                double base = 0.3 + -Math.log(1 - random.nextDouble()) * (partitioned ? 8 : 1.5);
                events.add(new long[] {now + (long) (base * 1_000_000), w, 1});
            } else {
                Op invoke = pending[w];
                double roll = random.nextDouble();
                Op done;
                if (roll < 0.01) {
                    done = new Op(-1, now, OpType.INFO, invoke.process(), invoke.f(), invoke.value(), TIMEOUT, Map.of());
                    processOf[w] += concurrency;
                } else if (roll < 0.04 || invoke.f().equals("cas") && roll < 0.3) {
                    done = new Op(-1, now, OpType.FAIL, invoke.process(), invoke.f(), invoke.value(), null, Map.of());
                } else {
                    Object v = invoke.f().equals("read")
                            ? List.of(((List<?>) invoke.value()).get(0), (long) random.nextInt(5)) : invoke.value();
                    done = new Op(-1, now, OpType.OK, invoke.process(), invoke.f(), v, null, Map.of());
                }
                ops.add(done);
                events.add(new long[] {now + random.nextLong(200_000), w, 0});
            }
        }
        return History.of(ops, "synthetic history");
    }
}
