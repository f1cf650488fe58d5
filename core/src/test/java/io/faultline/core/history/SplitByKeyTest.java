package io.faultline.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

/** Splitting a history file by key on disk gives the per-key histories of {@link History#byKey()}. */
class SplitByKeyTest {

    @TempDir
    Path dir;

    /** A multi-key history with varied values, errors, extras, a nemesis, and completions without tuples. */
    private static History history(int pairs) {
        SplittableRandom random = new SplittableRandom(3);
        List<Object> keys = Arrays.asList(1L, "k", null, Keyword.newKeyword("x"), 99L, List.of(1L, 2L));
        List<Object> values = Arrays.asList(null, 4L, -7L, List.of(1L, 2L), "s", Keyword.newKeyword("v"), true,
                1.5, java.util.Set.of(3L), Map.of(Keyword.newKeyword("a"), 1L));
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int process = random.nextInt(5);
            Object key = keys.get(random.nextInt(keys.size()));
            Object value = values.get(random.nextInt(values.size()));
            if (i % 50 == 0) {
                ops.add(Op.invoke(Op.NEMESIS, "start", null).info(Keyword.newKeyword("ok")));
            }
            ops.add(new Op(-1, 2L * i, OpType.INVOKE, process + 10 * i, "write", Arrays.asList(key, value), null, Map.of()));
            Object done = i % 3 == 0 && !(value instanceof List) ? value : Arrays.asList(key, value);
            ops.add(new Op(-1, 2L * i + 1, i % 4 == 0 ? OpType.INFO : OpType.OK, process + 10 * i, "write", done,
                    i % 4 == 0 ? "timeout" : null, i % 5 == 0 ? Map.of("node", "n" + i % 3) : Map.of()));
        }
        return History.of(ops);
    }

    @Test
    void thePartitionsHoldTheKeysOfByKeyWhetherSpilledOrNot() throws IOException {
        History h = history(3000);
        Path file = dir.resolve("h.edn");
        HistoryWriter.writeEdn(h, file);
        Map<Object, History> expected = HistoryReader.read(file).byKey();
        for (long budget : new long[] {1 << 30, 4096}) {
            try (SplitByKey split = SplitByKey.split(file, budget, 4, dir)) {
                assertThat(split.keys()).containsExactlyElementsOf(expected.keySet());
                assertThat(split.spills() > 0).isEqualTo(budget == 4096);
                assertThat(split.unkeyedClientOps()).isZero();
                Map<Object, History> actual = new HashMap<>();
                for (int p = 0; p < split.partitions(); p++) {
                    split.partition(p).forEach((id, sub) -> actual.put(split.keys().get(id), sub));
                }
                assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
                expected.forEach((key, sub) -> {
                    assertThat(actual.get(key).asList()).as("key %s", key).containsExactlyElementsOf(sub.asList());
                    for (int i = 0; i < sub.size(); i++) {
                        assertThat(actual.get(key).pairPosition(i)).isEqualTo(sub.pairPosition(i));
                    }
                });
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aBadLineOrPairDeletesTheSpilledFilesAndIsNamed() throws IOException {
        Path file = dir.resolve("h.edn");
        HistoryWriter.writeEdn(history(2000), file);
        Files.writeString(file, "{:type :ok, :process 1, :f :write, :val\n", java.nio.file.StandardOpenOption.APPEND);
        long lines = Files.readAllLines(file).size();
        assertThatThrownBy(() -> SplitByKey.split(file, 1024, 4, dir)).isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith(file + ":" + lines + ": expected one complete EDN op map");
        Path split = dir.resolve("split.edn");
        Files.writeString(split, """
                {:type :invoke, :process 1, :f :write, :value [1 2]}
                {:type :ok, :process 1, :f :write, :value [2 2]}
                """);
        assertThatThrownBy(() -> SplitByKey.split(split, 1024, 4, dir)).isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("key 2: op 1 (:ok :write by process 1) completes no invocation");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(file, split);
        }
    }
}
