package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code faultline test}: the test stops, what was recorded is checked and stored with its
 * report, and no process of the run survives.
 */
class CtrlCIT {

    @TempDir
    Path store;

    @Test
    void ctrlCStopsTheTestStoresAVerdictAndLeavesNothingRunning() throws Exception {
        Path out = store.resolve("out.txt");
        List<String> command = new ArrayList<>(ChildJvm.withSigintRestored());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Faultline.class.getName(),
                "test", "--workload", "set", "--time-limit", "300", "--seed", "5", "--store", store.toString()));
        Process test = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Set<ProcessHandle> started = new HashSet<>();
        try {
            ChildJvm.awaitFirstProgressLine(test, out, Duration.ofSeconds(60), started);
            assertThat(ChildJvm.output(out)).as("the test's progress line").contains("ok ");
            assertThat(started).as("redis and agent processes of the test").hasSizeGreaterThanOrEqualTo(10);

            new ProcessBuilder("kill", "-INT", Long.toString(test.pid())).start().waitFor();
            boolean ended = test.waitFor(90, TimeUnit.SECONDS);
            assertThat(ended).as("the test ends after Ctrl-C; it printed:%n%s%nits threads:%n%s",
                    ChildJvm.output(out), ended ? "" : ChildJvm.threadDump(test)).isTrue();

            String printed = ChildJvm.output(out);
            assertThat(printed).contains("interrupted").contains("run: ").containsPattern("valid: (true|false|unknown)");
            Path run = Path.of(printed.lines().filter(l -> l.startsWith("run: ")).findFirst().orElseThrow().substring(5));
            assertThat(run.resolve("results.json")).exists();
            assertThat(run.resolve("report.html")).exists();
            assertThat(Files.size(run.resolve("history.edn"))).isPositive();
            for (ProcessHandle p : started) {
                p.onExit().get(10, TimeUnit.SECONDS);
                assertThat(p.isAlive()).as("process %d (%s)", p.pid(), p.info().command().orElse("?")).isFalse();
            }
        } finally {
            test.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
