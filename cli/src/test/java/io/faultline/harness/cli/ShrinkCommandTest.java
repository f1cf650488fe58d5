package io.faultline.harness.cli;

import static io.faultline.harness.cli.AnalyzeCommandTest.faultline;
import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.schedule.ScheduledFault;
import io.faultline.harness.shrink.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline shrink}'s refusals, and what it writes from a run, on small hand-made run directories. */
class ShrinkCommandTest {

    @TempDir
    Path dir;

    /** Key 9 written with 1 and acknowledged, then read as nil, among ops of key 3 that are fine. */
    private static final String HISTORY = """
            {:index 0, :time 1000, :type :invoke, :process 0, :f :write, :value [3 5]}
            {:index 1, :time 2000, :type :ok, :process 0, :f :write, :value [3 5]}
            {:index 2, :time 3000, :type :invoke, :process 1, :f :write, :value [9 1]}
            {:index 3, :time 4000, :type :ok, :process 1, :f :write, :value [9 1]}
            {:index 4, :time 5000, :type :invoke, :process 0, :f :read, :value [3 nil]}
            {:index 5, :time 6000, :type :ok, :process 0, :f :read, :value [3 5]}
            {:index 6, :time 7000, :type :invoke, :process 2, :f :write, :value [9 2]}
            {:index 7, :time 8000, :type :fail, :process 2, :f :write, :value [9 2]}
            {:index 8, :time 9000, :type :invoke, :process 0, :f :read, :value [9 nil]}
            {:index 9, :time 9500, :type :ok, :process 0, :f :read, :value [9 nil]}
            """;

    private Path run(String name, String results, String testJson) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        Files.writeString(run.resolve("history.edn"), HISTORY);
        Files.writeString(run.resolve("results.json"), results);
        Files.writeString(run.resolve("test.json"), testJson);
        return run;
    }

    private static final String INVALID = """
            {"valid": false, "explanation": "linear: false", "details": {"linear": {"valid": false, "explanation": "1 of 2 keys invalid",
              "details": {"keys": 2, "false-keys": ["9"], "failures": {"9": {"valid": false, "explanation": "not linearizable",
                "details": {"model": "cas-register"}}}}}}}
            """;

    @Test
    void anUnknownDirectoryIsBadInputInOneLine() {
        AnalyzeCommandTest.Run r = faultline("shrink", dir.resolve("no-such-run").toString());

        assertThat(r.exit()).isEqualTo(254);
        assertThat(r.err().strip()).contains("no-such-run").contains("is not a run directory").doesNotContain("\n");
    }

    @Test
    void aValidRunHasNothingToShrink() throws IOException {
        Path valid = run("valid", "{\"valid\": true, \"explanation\": \"fine\", \"details\": {}}",
                "{\"command-line\": [\"./faultline\", \"test\", \"--workload\", \"register\"], \"seed\": 1}");

        AnalyzeCommandTest.Run r = faultline("shrink", valid.toString());

        assertThat(r.exit()).isEqualTo(254);
        assertThat(r.err().strip()).contains("is valid").contains("nothing to shrink").doesNotContain("\n");
    }

    @Test
    void anInvalidRunNotMadeByFaultlineTestCannotBeReplayed() throws IOException {
        Path analyzed = run("analyzed", INVALID, "{\"workload\": \"register\"}");

        AnalyzeCommandTest.Run r = faultline("shrink", analyzed.toString());

        assertThat(r.exit()).isEqualTo(254);
        assertThat(r.err().strip()).contains("was not run by 'faultline test'").doesNotContain("\n");
    }

    @Test
    void badTriesOrBudgetAreBadInput() throws IOException {
        Path invalid = run("invalid", INVALID, "{\"command-line\": [\"./faultline\", \"test\"], \"seed\": 1}");

        assertThat(faultline("shrink", "--tries", "0", invalid.toString()).exit()).isEqualTo(254);
        assertThat(faultline("shrink", "--budget", "soon", invalid.toString()).exit()).isEqualTo(254);
    }

    @Test
    void theShrunkCounterexampleKeepsOnlyTheOpsThatStillFailAndAnalyzeReadsItAsInvalid() throws IOException {
        Path invalid = run("invalid", INVALID, "{}");
        Path out = Files.createDirectories(invalid.resolve("shrink"));

        Path file = ShrinkOutput.writeCounterexample(invalid, null, out);

        assertThat(file).isNotNull();
        List<String> ops = Files.readAllLines(file).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(ops).hasSize(4);
        assertThat(ops.get(0)).contains(":f :write").contains("[9 1]");
        assertThat(ops.get(3)).contains(":f :read").contains("[9 nil]");
        AnalyzeCommandTest.Run check = faultline("analyze", "--model", "cas-register", "--independent", file.toString());
        assertThat(check.out()).startsWith("valid: false");
        assertThat(check.exit()).isEqualTo(1);
    }

    @Test
    void theRerunLineKeepsTheOriginalsOptionsAndSetsTheShrunkOnes() {
        ShrinkCommand.OriginalRun original = new ShrinkCommand.OriginalRun(dir, new TestOptionsBuilder().seed(42).build(), 10,
                List.of(), List.of("set/lost"), Map.of("command-line", List.of("./faultline", "test", "--workload", "set",
                "--time-limit", "30", "--fault-interval=4", "--replication", "async", "--seed", "7")));
        Candidate shrunk = new Candidate(List.of(new ScheduledFault(1000, "partition", "primaries", 2000)), 8000, 3, 50);

        List<String> line = ShrinkOutput.rerunLine(original, shrunk, Path.of("/s/faults.edn"));

        assertThat(String.join(" ", line)).isEqualTo("./faultline test --workload set --replication async --time-limit 8.0 "
                + "--concurrency 3 --rate 50.0 --seed 42 --faults /s/faults.edn");
    }

    @Test
    void theRerunLineHasTheShrunkKeys() {
        ShrinkCommand.OriginalRun original = new ShrinkCommand.OriginalRun(dir, new TestOptionsBuilder().seed(42).build(), 10,
                List.of(), List.of("set/lost"), Map.of("command-line", List.of("./faultline", "test", "--workload", "set",
                "--keys", "8", "--seed", "7")));
        Candidate shrunk = new Candidate(List.of(new ScheduledFault(1000, "partition", "primaries", 2000)), 8000, 3, 50, 2);

        List<String> line = ShrinkOutput.rerunLine(original, shrunk, Path.of("/s/faults.edn"));

        assertThat(String.join(" ", line)).isEqualTo("./faultline test --workload set --time-limit 8.0 "
                + "--concurrency 3 --keys 2 --rate 50.0 --seed 42 --faults /s/faults.edn");
        assertThat(ShrinkOutput.options(original.options(), shrunk).keys()).isEqualTo(2);
    }
}
