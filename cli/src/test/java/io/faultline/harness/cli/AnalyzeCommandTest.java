package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run faultline(String... args) {
        CommandLine cl = Faultline.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aLinearizableHistoryIsValidWithExitZero() throws IOException {
        Path file = write("ok.edn", """
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 0, :f :write, :value 1}
                {:type :invoke, :process 1, :f :read, :value nil}
                {:type :ok, :process 1, :f :read, :value 1}
                """);
        Run run = faultline("analyze", "--model", "register", file.toString());
        assertThat(run.out()).startsWith("valid: true");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aStaleReadIsInvalidWithExitOne() throws IOException {
        Path file = write("stale.edn", """
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 0, :f :write, :value 1}
                {:type :invoke, :process 0, :f :write, :value 2}
                {:type :ok, :process 0, :f :write, :value 2}
                {:type :invoke, :process 1, :f :read, :value nil}
                {:type :ok, :process 1, :f :read, :value 1}
                """);
        Run run = faultline("analyze", "--model", "register", file.toString());
        assertThat(run.out()).startsWith("valid: false");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void severalFilesGiveOneLineEachAndTheWorstExitCode() throws IOException {
        Path good = write("a.edn", "{:type :invoke, :process 0, :f :write, :value 1}\n{:type :ok, :process 0, :f :write, :value 1}\n");
        Path bad = write("b.edn", """
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 0, :f :write, :value 1}
                {:type :invoke, :process 1, :f :read, :value nil}
                {:type :ok, :process 1, :f :read, :value 7}
                """);
        Run run = faultline("analyze", "--model", "register", good.toString(), bad.toString());
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out().lines().toList().get(0)).matches(java.util.regex.Pattern.quote(good.toString()) + "\ttrue\t\\d+\t\\d+");
        assertThat(run.out().lines().toList().get(1)).startsWith(bad + "\tfalse\t");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsBadInput() {
        Run run = faultline("analyze", "--model", "register", dir.resolve("missing.edn").toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err().strip()).isEqualTo("faultline: " + dir.resolve("missing.edn") + ": no such file");
    }

    @Test
    void aTruncatedLineIsBadInputNamingTheLine() throws IOException {
        Path file = write("t.edn", "{:type :invoke, :process 0, :f :write, :value 1}\n{:type :ok, :process 0, :f :wr");
        Run run = faultline("analyze", "--model", "register", file.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).startsWith("faultline: " + file + ":2: expected one complete EDN op map");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anUnknownModelIsBadInputNamingIt() throws IOException {
        Path file = write("ok.edn", "{:type :invoke, :process 0, :f :write, :value 1}\n");
        Run run = faultline("analyze", "--model", "queue", file.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("queue").hasLineCount(1);
    }

    @Test
    void completionsThatMatchNoInvocationAreBadInput() throws IOException {
        Path file = write("m.edn", """
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 1, :f :write, :value 1}
                """);
        Run run = faultline("analyze", "--model", "register", file.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("completes no invocation").hasLineCount(1);
    }

    @Test
    void anUnknownOptionIsBadInput() {
        Run run = faultline("analyze", "--model", "register", "--frobnicate", "x.edn");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--frobnicate").hasLineCount(1);
    }

    private Path multiKey() throws IOException {
        return write("mk.edn", """
                {:type :invoke, :process 0, :f :write, :value [1 1]}
                {:type :invoke, :process 1, :f :write, :value [2 5]}
                {:type :ok, :process 0, :f :write, :value [1 1]}
                {:type :ok, :process 1, :f :write, :value [2 5]}
                {:type :invoke, :process 0, :f :read, :value [1 nil]}
                {:type :ok, :process 0, :f :read, :value [1 1]}
                {:type :invoke, :process 1, :f :read, :value [2 nil]}
                {:type :ok, :process 1, :f :read, :value [2 4]}
                """);
    }

    @Test
    void statsNameOpsReadAndCheckTimesAndPeakHeap() throws IOException {
        Path file = multiKey();
        Run one = faultline("analyze", "--model", "register", "--independent", "--stats", file.toString());
        assertThat(one.out().lines().toList().get(0)).isEqualTo("valid: false");
        assertThat(one.out().lines().filter(l -> l.startsWith("stats: ")).toList())
                .singleElement().asString().matches("stats: ops=8 read_ms=\\d+ check_ms=\\d+ peak_heap_mb=\\d+");
        Run two = faultline("analyze", "--model", "register", "--independent", "--stats", file.toString(), file.toString());
        assertThat(two.out().lines()).allMatch(l -> l.matches(java.util.regex.Pattern.quote(file.toString())
                + "\tfalse\t\\d+\t\\d+\t8\t\\d+\t\\d+"));
        assertThat(two.exit()).isEqualTo(1);
    }

    @Test
    void streamingByKeyGivesTheVerdictInMemory() throws IOException {
        Path file = multiKey();
        Run memory = faultline("analyze", "--model", "register", "--independent", file.toString());
        Run streamed = faultline("analyze", "--model", "register", "--independent", "--stream", "--stats", file.toString());
        assertThat(streamed.exit()).isEqualTo(memory.exit()).isEqualTo(1);
        assertThat(streamed.out()).startsWith(memory.out().lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
        assertThat(streamed.out()).contains("streamed-by-key");
        assertThat(faultline("analyze", "--model", "register", "--stream", file.toString()).exit()).isEqualTo(254);
    }

    @Test
    void withShrinkItAlsoPrintsTheSmallestSetOfTheInvalidKeysOpsAsAHistoryItReads() throws IOException {
        Path file = write("keys.edn", """
                {:type :invoke, :process 0, :f :write, :value [1 5]}
                {:type :ok, :process 0, :f :write, :value [1 5]}
                {:type :invoke, :process 1, :f :write, :value [9 1]}
                {:type :ok, :process 1, :f :write, :value [9 1]}
                {:type :invoke, :process 1, :f :write, :value [9 2]}
                {:type :ok, :process 1, :f :write, :value [9 2]}
                {:type :invoke, :process 0, :f :read, :value [9 nil]}
                {:type :ok, :process 0, :f :read, :value [9 nil]}
                """);

        Run run = faultline("analyze", "--model", "cas-register", "--independent", "--shrink", file.toString());

        assertThat(run.out()).startsWith("valid: false").contains("shrunk: key 9, 4 of its 6 ops still not linearizable");
        String shrunk = run.out().substring(run.out().indexOf("shrunk:"));
        List<String> ops = shrunk.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(ops).hasSize(4);
        assertThat(run.exit()).isEqualTo(1);
        Path again = write("shrunk.edn", String.join("\n", ops) + "\n");
        assertThat(faultline("analyze", "--model", "cas-register", "--independent", again.toString()).exit()).isEqualTo(1);
    }

    @Test
    void shrinkWithoutIndependentIsBadInput() throws IOException {
        Path file = write("one.edn", "{:type :invoke, :process 0, :f :read, :value nil}\n");

        Run run = faultline("analyze", "--model", "register", "--shrink", file.toString());

        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--shrink");
    }
}
