package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline test --runtime ssh} end to end, against real sshd servers: {@code scripts/sshd-hosts.sh}
 * makes four network namespaces, each with its own sshd and a key made for the test; a short test on
 * them (3 nodes, 1 ZooKeeper server, partitions) gives a verdict, and leaves nothing behind on the hosts:
 * no remote directory, no process started from one, no Faultline iptables chain; after the script's
 * {@code down}, no namespace or link of it. Skipped, with the script's reason, without root, ip or sshd.
 */
class SshRuntimeIT {
    private static final Path SCRIPT = Path.of("..", "scripts", "sshd-hosts.sh").toAbsolutePath().normalize();
    private static final String NAME = "it14";
    /** Inside this worktree's assigned range; the script puts its bridge at .17 and the hosts at .18 to .21. */
    private static final String RANGE = "10.214.0.16/28";

    @TempDir
    Path store;

    @Test
    void aShortSshTestGivesAVerdictAndLeavesNothingOnTheHosts() throws Exception {
        Run up = run(List.of("bash", SCRIPT.toString(), "up", NAME, "4", RANGE), 120);
        Assumptions.assumeTrue(up.exit() == 0, () -> "sshd hosts unavailable: " + up.out().strip());
        try {
            List<String> sshOptions = Arrays.asList(up.out().strip().lines().reduce((a, b) -> b).orElseThrow().split(" "));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Faultline.class.getName(),
                    "test", "--runtime", "ssh", "--nodes", "3", "--zookeepers", "1", "--workload", "set",
                    "--time-limit", "10", "--fault-interval", "4", "--seed", "14", "--store", store.toString()));
            command.addAll(sshOptions);
            Run test = run(command, 600);
            assertThat(test.exit()).as("a verdict, valid or invalid (not unknown, not a harness failure); it printed:%n%s", test.out())
                    .isIn(0, 1);
            assertThat(test.out()).containsPattern("valid: (true|false)");

            assertThat(remoteDirs()).as("remote directories left in /tmp").isEmpty();
            assertThat(processesOfARun()).as("processes started from a remote directory").isEmpty();
            for (int i = 1; i <= 4; i++) {
                Run rules = run(List.of("ip", "netns", "exec", "fs-" + NAME + "-h" + i, "iptables", "-S"), 30);
                assertThat(rules.out()).as("host %d's iptables rules", i).doesNotContain("FL-CUT").doesNotContain("FL-LOSS");
            }
        } finally {
            run(List.of("bash", SCRIPT.toString(), "down", NAME), 120);
        }
        assertThat(run(List.of("ip", "netns", "list"), 30).out()).doesNotContain("fs-" + NAME + "-");
        assertThat(run(List.of("ip", "-o", "link", "show"), 30).out()).doesNotContain("fs-" + NAME + "-");
    }

    private static List<Path> remoteDirs() throws Exception {
        try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("faultline-remote-")).toList();
        }
    }

    /** Every process whose command line names a run's remote directory. */
    private static List<String> processesOfARun() {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("/tmp/faultline-remote-"))
                .toList();
    }

    private record Run(int exit, String out) {
    }

    private static Run run(List<String> command, long timeoutS) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutS + " s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
