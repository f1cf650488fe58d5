package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code faultline test --runtime netns}: the test stops with a stored verdict, and neither a
 * process, nor a namespace, nor a link of the run is left ({@code ip netns list}, {@code ip link}).
 * Skipped, with the reason, where the netns runtime cannot run.
 */
class NetnsCtrlCIT {
    /** Not the default range, so that a run of the default range elsewhere on the machine does not refuse this one. */
    private static final String RANGE = "10.213.3.0/24";

    @TempDir
    Path store;

    @Test
    void ctrlCOnANetnsTestRemovesItsProcessesNamespacesAndLinks() throws Exception {
        AnalyzeCommandTest.Run probe = AnalyzeCommandTest.faultline("test", "--runtime", "netns", "--nemesis", "latency");
        Assumptions.assumeFalse(probe.err().contains("--runtime netns needs"), () -> "netns runtime unavailable: " + probe.err().strip());

        Path out = store.resolve("out.txt");
        List<String> command = new ArrayList<>(ChildJvm.withSigintRestored());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Faultline.class.getName(),
                "test", "--runtime", "netns", "--netns-range", RANGE, "--nodes", "3", "--zookeepers", "1",
                "--workload", "set", "--time-limit", "300", "--seed", "5", "--store", store.toString()));
        Process test = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        String run = null;
        Set<ProcessHandle> started = new HashSet<>();
        try {
            ChildJvm.awaitFirstProgressLine(test, out, Duration.ofSeconds(120), started);
            assertThat(ChildJvm.output(out)).as("the test's progress line").contains("ok ");
            assertThat(started).as("redis, agent and ZooKeeper processes of the test").hasSizeGreaterThanOrEqualTo(7);
            for (ProcessHandle p : started) {
                Optional<String> ns = namespaceOf(p.pid());
                if (ns.isPresent()) run = ns.get().substring(0, "fl-000000".length());
            }
            assertThat(run).as("the run's namespaces, from its processes").isNotNull();

            new ProcessBuilder("kill", "-INT", Long.toString(test.pid())).start().waitFor();
            boolean ended = test.waitFor(90, TimeUnit.SECONDS);
            assertThat(ended).as("the test ends after Ctrl-C; it printed:%n%s%nits threads:%n%s",
                    ChildJvm.output(out), ended ? "" : ChildJvm.threadDump(test)).isTrue();

            String printed = ChildJvm.output(out);
            assertThat(printed).contains("interrupted").contains("run: ").containsPattern("valid: (true|false|unknown)");
            for (ProcessHandle p : started) {
                p.onExit().get(10, TimeUnit.SECONDS);
                assertThat(p.isAlive()).as("process %d (%s)", p.pid(), p.info().command().orElse("?")).isFalse();
            }
            String prefix = run;
            assertThat(lines("ip", "netns", "list")).as("namespaces of %s after Ctrl-C", run).noneMatch(l -> l.startsWith(prefix));
            assertThat(lines("ip", "-o", "link", "show")).as("links of %s after Ctrl-C", run).noneMatch(l -> l.contains(prefix));
        } finally {
            test.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The Faultline namespace a process is in, e.g. {@code fl-0a1b2c-n1}. */
    private static Optional<String> namespaceOf(long pid) throws Exception {
        return lines("ip", "netns", "identify", Long.toString(pid)).stream().map(String::strip).filter(l -> l.startsWith("fl-")).findFirst();
    }

    private static List<String> lines(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text.lines().toList();
    }
}
