package io.faultline.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.bpsm.edn.Keyword;

class HistoryReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsJepsenHistoryEdnOneMapPerLine() throws IOException {
        Path file = write("history.edn", """
                {:index 0, :time 10, :type :invoke, :process 0, :f :write, :value 4}
                {:index 1, :time 20, :type :invoke, :process :nemesis, :f :start-partition, :value :majority}
                {:index 2, :time 30, :type :info, :process 0, :f :write, :value 4, :error :timeout}
                {:index 3, :time 40, :type :info, :process :nemesis, :f :start-partition, :value {"n1" #{"n2"}}}
                """);
        History h = HistoryReader.read(file);
        assertThat(h.size()).isEqualTo(4);
        Op info = h.get(2);
        assertThat(info.type()).isEqualTo(OpType.INFO);
        assertThat(info.error()).isEqualTo(Keyword.newKeyword("timeout"));
        assertThat(h.completionOf(0)).isEqualTo(info);
        assertThat(h.get(1).isNemesis()).isTrue();
        assertThat(h.pairPosition(1)).isEqualTo(3);
    }

    @Test
    void readsKnossosVectorsWithCommentsAndNoIndices() throws IOException {
        Path file = write("k.edn", """
                ; a comment
                [{:process 0, :type :invoke, :f :cas, :value [0 1]}
                 {:process 1, :type :invoke, :f :read, :value nil}
                 {:process 0, :type :ok, :f :cas, :value [0 1]}
                 {:process 1, :type :ok, :f :read, :value 1}]
                """);
        History h = HistoryReader.read(file);
        assertThat(h.size()).isEqualTo(4);
        assertThat(h.get(3).index()).isEqualTo(3);
        assertThat(h.get(0).value()).isEqualTo(List.of(0L, 1L));
        assertThat(h.invocationOf(3).f()).isEqualTo("read");
    }

    @Test
    void readsGzippedFilesTransparently() throws IOException {
        Path file = dir.resolve("history.edn.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{:type :invoke, :process 0, :f :read, :value nil}\n{:type :ok, :process 0, :f :read, :value 3}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HistoryReader.read(file).get(1).value()).isEqualTo(3L);
    }

    @Test
    void roundTripsEdnAndJsonLines() throws IOException {
        List<Op> ops = List.of(
                new Op(0, 5, OpType.INVOKE, 2, "add", List.of("k", 7L), null, java.util.Map.of()),
                new Op(1, 9, OpType.FAIL, 2, "add", List.of("k", 7L), Keyword.newKeyword("readonly"),
                        java.util.Map.of("node", "n1")));
        History h = History.of(ops);
        Path edn = dir.resolve("h.edn");
        HistoryWriter.writeEdn(h, edn);
        assertThat(HistoryReader.read(edn).asList()).containsExactlyElementsOf(ops);
        Path jsonl = dir.resolve("h.jsonl");
        try (HistoryWriter w = HistoryWriter.jsonLines(jsonl)) {
            ops.forEach(w::append);
        }
        assertThat(HistoryReader.read(jsonl).asList()).containsExactlyElementsOf(ops);
    }

    @Test
    void aTruncatedLineIsNamedWithFileAndLine() throws IOException {
        Path file = write("bad.edn", """
                {:index 0, :type :invoke, :process 0, :f :read, :value nil}
                {:index 1, :type :ok, :process 0, :f :read, :val
                """);
        assertThatThrownBy(() -> HistoryReader.read(file))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith(file + ":2: expected one complete EDN op map");
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Path file = write("bad.edn", "{:index 0, :process 0, :f :read}\n");
        assertThatThrownBy(() -> HistoryReader.read(file))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining(":1: op has no :type");
    }

    @Test
    void aCompletionWithoutInvocationIsRejected() throws IOException {
        Path file = write("bad.edn", "{:type :ok, :process 3, :f :read, :value 1}\n");
        assertThatThrownBy(() -> HistoryReader.read(file))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("completes no invocation");
    }

    @Test
    void aProcessInvokingTwiceIsRejected() throws IOException {
        Path file = write("bad.edn", """
                {:type :invoke, :process 3, :f :read, :value nil}
                {:type :invoke, :process 3, :f :read, :value nil}
                """);
        assertThatThrownBy(() -> HistoryReader.read(file))
                .hasMessageContaining("process 3 invokes op 1 while its op 0 has not completed");
    }

    @Test
    void aKeyWithNilIsAbsentRatherThanACrash() throws IOException {
        Path file = write("nil.edn", "{:type :invoke, :process 0, :f :read, :value nil, :debug nil, :node \"n1\"}\n");
        assertThat(HistoryReader.read(file).get(0).extra()).isEqualTo(java.util.Map.of("node", "n1"));
        Path json = write("nil.jsonl", "{\"type\":\"invoke\",\"process\":0,\"f\":\"read\",\"debug\":null}\n");
        assertThat(HistoryReader.read(json).get(0).extra()).isEmpty();
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.edn");
        assertThatThrownBy(() -> HistoryReader.read(file)).hasMessage(file + ": no such file");
    }

    @Test
    void splitsIndependentHistoriesByKeyKeepingOriginalIndices() {
        History h = History.of(List.of(
                Op.invoke(0, "write", List.of(1L, 5L)),
                Op.invoke(1, "read", java.util.Arrays.asList(2L, null)),
                Op.invoke(0, "write", List.of(1L, 5L)).ok(List.of(1L, 5L)),
                Op.invoke(1, "read", java.util.Arrays.asList(2L, null)).ok(List.of(2L, 9L))));
        var byKey = h.byKey();
        assertThat(byKey).containsOnlyKeys(1L, 2L);
        History two = byKey.get(2L);
        assertThat(two.get(1).index()).isEqualTo(3);
        assertThat(two.get(1).value()).isEqualTo(9L);
        assertThat(two.completionOf(0)).isEqualTo(two.get(1));
    }

    @Test
    void readsEveryReferenceHistoryThatIsPresent() throws IOException {
        Path shared = Path.of(System.getProperty("faultline.shared", "../../shared"), "histories", "knossos");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared),
                "reference histories not found at " + shared.toAbsolutePath() + " (set -Dfaultline.shared)");
        try (var files = Files.walk(shared)) {
            List<Path> edn = files.filter(p -> p.toString().endsWith(".edn")).toList();
            assertThat(edn).hasSizeGreaterThan(100);
            int scanned = 0;
            for (Path p : edn) {
                History h = HistoryReader.read(p);
                assertThat(h.size()).as(p.toString()).isPositive();
                String text = Files.readString(p);
                Object parsed = us.bpsm.edn.parser.Parsers.newParser(us.bpsm.edn.parser.Parsers.defaultConfiguration())
                        .nextValue(us.bpsm.edn.parser.Parsers.newParseable(text));
                List<Op> full = ((List<?>) parsed).stream().map(EdnOps::fromEdn).toList();
                assertThat(h.asList()).as("the fast reader against edn-java: %s", p).containsExactlyElementsOf(History.of(full).asList());
                byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int first = text.indexOf('[') >= 0 && (text.indexOf('(') < 0 || text.indexOf('[') < text.indexOf('('))
                        ? text.indexOf('[') : text.indexOf('(');
                if (KnossosScanner.scan(bytes, first, bytes.length) != null) scanned++;
            }
            assertThat(scanned).as("files the byte scanner read itself").isGreaterThan(edn.size() / 2);
        }
    }
}
