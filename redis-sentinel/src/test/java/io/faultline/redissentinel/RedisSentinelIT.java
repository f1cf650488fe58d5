package io.faultline.redissentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsRequirements;
import io.faultline.junit.FaultlineExtension;
import io.faultline.junit.FaultlineTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short real run of Redis with Sentinels (root, ip, iptables, redis-server): the primary is
 * isolated from the replicas and the Sentinels once; the run ends with a verdict, and afterwards no
 * process, namespace, link or working directory of the run is left. Skipped, with the reason, where it cannot run.
 */
@ExtendWith(FaultlineExtension.class)
class RedisSentinelIT {
    /** A /28 of this module's range: another run elsewhere on the machine keeps to others. */
    private static final String RANGE = "10.216.0.48/28";

    @Test
    void aPartitionedPrimaryRunEndsWithAVerdictAndLeavesNothingBehind(FaultlineTests faultline) throws Exception {
        Assumptions.assumeTrue(NetnsRequirements.missing().isEmpty(), () -> "netns runtime unavailable: " + NetnsRequirements.missing().orElse(""));
        Assumptions.assumeTrue(onPath("redis-server"), "redis-server is not on PATH (apt-get install redis-server)");
        AddressRange range = AddressRange.parse(RANGE);
        AtomicReference<String> run = new AtomicReference<>();
        Thread watcher = new Thread(() -> watchForRun(range.bridge(), run), "it-run-watcher");
        watcher.setDaemon(true);
        watcher.start();

        TestOutcome outcome = faultline.run(t -> t.system(new RedisSentinelSystem()).option("netns-range", RANGE).workload("set")
                .nemesis("partition").partition("primaries").timeLimit(Duration.ofSeconds(14)).faultInterval(Duration.ofSeconds(5))
                .recovery(Duration.ofSeconds(3)).rate(50).seed(15).name("redis-sentinel-it"));
        watcher.interrupt();

        assertThat(outcome.result().valid()).as("a verdict").isIn(Validity.TRUE, Validity.FALSE);
        assertThat(run.get()).as("the run's control link, seen while it ran").isNotNull();
        assertThat(lines("ip", "netns", "list")).as("namespaces of %s", run.get()).noneMatch(l -> l.startsWith(run.get() + "-"));
        assertThat(lines("ip", "-o", "link", "show")).as("links of %s", run.get()).noneMatch(l -> l.contains(run.get()));
        assertThat(processesMentioning(range)).as("processes on the run's addresses").isEmpty();
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            String ours = WorkDirectory.PREFIX + ProcessHandle.current().pid() + "-";
            assertThat(dirs.map(d -> d.getFileName().toString())).as("the run's working directory").noneMatch(n -> n.startsWith(ours));
        }
    }

    /** Polls the root namespace for the link that holds the bridge address: {@code fl-<run>}. */
    private static void watchForRun(String bridgeAddress, AtomicReference<String> run) {
        while (run.get() == null && !Thread.currentThread().isInterrupted()) {
            try {
                lines("ip", "-4", "-o", "addr", "show").stream().filter(l -> l.contains(" " + bridgeAddress + "/"))
                        .map(l -> l.split("\\s+")[1]).findFirst().ifPresent(run::set);
                Thread.sleep(100);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    /** The command lines (as the processes set their titles) naming an address of {@code range}. */
    private static List<String> processesMentioning(AddressRange range) throws IOException {
        List<String> addresses = java.util.stream.IntStream.range(0, (int) range.capacity()).mapToObj(range::host).toList();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException gone) {
                    return "";
                }
            }).filter(c -> addresses.stream().anyMatch(a -> c.matches(".*\\b" + a.replace(".", "\\.") + "\\b.*"))).toList();
        }
    }

    private static List<String> lines(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, name)));
    }
}
