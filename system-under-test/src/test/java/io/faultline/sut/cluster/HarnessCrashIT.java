package io.faultline.sut.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.hosts.process.PidDirectory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harness JVM killed with SIGKILL leaves no redis-server or agent behind. */
class HarnessCrashIT {
    @TempDir
    Path tmp;

    @Test
    void aHarnessKilledWithSigkillLeavesNoProcessBehind() throws Exception {
        Path pidDir = tmp.resolve("pids");
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingHarness.class.getName(),
                tmp.resolve("work").toString(), pidDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        List<Long> started;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("UP")) {
                // start-up chatter
            }
            assertThat(line).as("the stand-in harness started its cluster").isEqualTo("UP");
            started = recordedPids(pidDir);
            assertThat(started).hasSize(6); // 3 redis-server + 3 agents
        } finally {
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            harness.waitFor();
        }

        boolean allGone = Await.until(() -> started.stream().noneMatch(HarnessCrashIT::alive),
                Duration.ofSeconds(15), Duration.ofMillis(100));
        List<String> swept = PidDirectory.at(pidDir).sweep();
        assertThat(allGone).as("agents saw stdin EOF, shut their Redis down and exited; swept: %s", swept).isTrue();
        assertThat(started).noneMatch(HarnessCrashIT::alive);
        try (Stream<Path> left = Files.list(pidDir)) {
            assertThat(left).isEmpty();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static List<Long> recordedPids(Path pidDir) throws Exception {
        try (Stream<Path> files = Files.list(pidDir)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(f)) {
                    p.load(in);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return Long.parseLong(p.getProperty("pid"));
            }).toList();
        }
    }
}
