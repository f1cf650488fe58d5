package io.faultline.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.op.Op;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files of op lines in blocks, in parallel: order, line numbers, line ends, mixed and bad lines. */
class LineChunksTest {

    @TempDir
    Path dir;

    /** Plain lines (the scanner's) mixed with lines only the full reader knows, and blank and comment lines. */
    private static String mixed(int pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            sb.append("{:index ").append(2 * i).append(", :time ").append(i).append(", :type :invoke, :process ")
                    .append(i % 3).append(", :f :write, :value [").append(i % 5).append(' ').append(i).append("]}\n");
            if (i % 7 == 0) sb.append("; a comment\n\n");
            if (i % 11 == 0) {
                sb.append("{:index ").append(2 * i + 1).append(", :type :ok, :process ").append(i % 3)
                        .append(", :f :write, :value #{").append(i).append("}, :node {\"n1\" [1 2]}}\r\n");
            } else {
                sb.append("{:index ").append(2 * i + 1).append(", :type :ok, :process ").append(i % 3)
                        .append(", :f :write, :value [").append(i % 5).append(' ').append(i).append("]}\n");
            }
        }
        return sb.toString();
    }

    private static List<Op> read(String text, int blockSize) throws IOException {
        List<Op> ops = new ArrayList<>();
        LineChunks.read(new LineBlocks(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), blockSize),
                LineParser.Format.EDN, "h.edn", chunk -> {
                    OpColumns c = chunk.columns();
                    for (int r = 0; r < c.size; r++) ops.add(c.op(r, false));
                });
        return ops;
    }

    @Test
    void smallBlocksInParallelGiveTheOpsOfOneBlockInOrder() throws IOException {
        String text = mixed(500);
        List<Op> whole = read(text, 1 << 24);
        assertThat(whole).hasSize(1000);
        assertThat(read(text, 64)).containsExactlyElementsOf(whole);
        assertThat(read(text, 1000)).containsExactlyElementsOf(whole);
        assertThat(whole).extracting(Op::index).isSorted();
    }

    @Test
    void aBadLineIsNamedWithItsLineOfTheFileWhicheverBlockItIsIn() {
        String text = mixed(300);
        long lines = text.lines().count();
        String bad = text + "{:index 600, :type :ok, :process 1, :f :write, :val\n" + mixed(10);
        for (int block : new int[] {64, 700, 1 << 24}) {
            assertThatThrownBy(() -> read(bad, block)).isInstanceOf(HistoryFormatException.class)
                    .hasMessageStartingWith("h.edn:" + (lines + 1) + ": expected one complete EDN op map");
        }
    }

    @Test
    void aLoneCarriageReturnEndsALineAsBufferedReaderHasIt() throws IOException {
        String text = "{:type :invoke, :process 0, :f :read, :value nil}\r{:type :ok, :process 0, :f :read, :value 1}\r\n"
                + "{:type :invoke, :process 0, :f :read, :value nil}\r{:type :ok, :process 0, :f :read, :val\n";
        assertThatThrownBy(() -> read(text, 1 << 20)).hasMessageStartingWith("h.edn:4: expected one complete EDN op map");
    }

    @Test
    void aTruncatedGzipFileAndAByteOrderMarkAndNoFinalNewline() throws IOException {
        Path gz = dir.resolve("h.edn.gz");
        byte[] full;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(("\uFEFF" + mixed(50).strip()).getBytes(StandardCharsets.UTF_8));
            out.close();
            full = bytes.toByteArray();
        }
        Files.write(gz, full);
        History h = HistoryReader.read(gz);
        assertThat(h.size()).isEqualTo(100);
        assertThat(h.get(99).value()).isEqualTo(List.of(4L, 49L));
        Files.write(gz, java.util.Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> HistoryReader.read(gz)).isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith(gz + ": ");
    }

    @Test
    void adversarialLinesGoToTheFullReader() throws IOException {
        String deep = "[".repeat(100) + "]".repeat(100);
        String longString = "x".repeat(100_000);
        String text = "{:type :invoke, :process 0, :f :read, :value " + deep + "}\n"
                + "{:type :ok, :process 0, :f :read, :value \"" + longString + "\"}\n"
                + "{:type :invoke, :process 1, :f :read, :value \"tab\\t\\u00e9\"}\n";
        List<Op> ops = read(text, 64);
        assertThat(ops).hasSize(3);
        assertThat(ops.get(1).value()).isEqualTo(longString);
        assertThat(ops.get(2).value()).isEqualTo("tab\t\u00e9");
        assertThatThrownBy(() -> read("{:type :ok, :process 0, :f :read, :value " + "[".repeat(10) + "}\n", 64))
                .hasMessageStartingWith("h.edn:1: expected one complete EDN op map");
        assertThatThrownBy(() -> read("{:type :ok, :process 0, :f :read}\n\u0000\u0001\n", 64))
                .hasMessageStartingWith("h.edn:2: expected an op map");
    }

    @Test
    void jsonLinesInBlocks() throws IOException {
        Path file = dir.resolve("h.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("{\"index\":").append(2 * i).append(",\"type\":\"invoke\",\"process\":1,\"f\":\"read\",\"value\":null}\n");
            sb.append("{\"index\":").append(2 * i + 1).append(",\"type\":\"ok\",\"process\":1,\"f\":\"read\",\"value\":")
                    .append(i % 9 == 0 ? "{\"a\":1}" : "[\":k\"," + i + "]").append("}\n");
        }
        Files.writeString(file, sb + "{\"type\":\"ok\",\"process\":1\n");
        assertThatThrownBy(() -> HistoryReader.read(file)).hasMessageStartingWith(file + ":401: expected one JSON op object per line");
        Files.writeString(file, sb);
        History h = HistoryReader.read(file);
        assertThat(h.size()).isEqualTo(400);
        assertThat(h.get(3).value()).isEqualTo(List.of(us.bpsm.edn.Keyword.newKeyword("k"), 1L));
    }
}
