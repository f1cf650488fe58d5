package io.faultline.hosts.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidDirectoryTest {
    @TempDir
    Path tmp;

    private static ProcessHandle deadProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.toHandle();
    }

    @Test
    void theSweepKillsWhatADeadHarnessLeftBehind() throws Exception {
        PidDirectory pids = PidDirectory.at(tmp);
        Process orphan = new ProcessBuilder("sleep", "301").start();
        try {
            pids.record("orphan", orphan.toHandle(), "sleep 301", deadProcess());

            assertThat(pids.sweep()).containsExactly("orphan (pid " + orphan.pid() + ")");
            assertThat(orphan.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            try (var files = Files.list(tmp)) {
                assertThat(files).isEmpty();
            }
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void theSweepNeverKillsAProcessWhoseCommandLineNoLongerMatches() throws Exception {
        PidDirectory pids = PidDirectory.at(tmp);
        Process unrelated = new ProcessBuilder("sleep", "302").start();
        try {
            pids.record("n1-redis", unrelated.toHandle(), "127.0.0.1:6379", deadProcess());

            assertThat(pids.sweep()).isEmpty();
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void theSweepLeavesTheProcessesOfALiveHarnessAlone() throws Exception {
        PidDirectory pids = PidDirectory.at(tmp);
        ManagedProcess ours = ManagedProcess.start("ours", List.of("sleep", "303"), tmp, tmp.resolve("log"), pids, "sleep 303");
        try {
            assertThat(pids.sweep()).isEmpty();
            assertThat(ours.isAlive()).isTrue();
        } finally {
            ours.kill();
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.toString().endsWith(".pid"))).as("record removed once it is gone").isEmpty();
        }
    }

    @Test
    void pauseAndResumeFreezeAndThawTheRealProcess() throws Exception {
        PidDirectory pids = PidDirectory.at(tmp);
        ManagedProcess p = ManagedProcess.start("sleeper", List.of("sleep", "304"), tmp, tmp.resolve("log"), pids, "sleep 304");
        try {
            // the kernel applies a signal asynchronously: poll the state with a deadline
            p.pause();
            assertThat(awaitState(p.pid(), "T")).isEqualTo("T");
            p.resume();
            assertThat(awaitState(p.pid(), "S")).isEqualTo("S");
        } finally {
            p.stop(Duration.ofSeconds(2));
        }
        assertThat(p.isAlive()).isFalse();
    }

    private static String awaitState(long pid, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String now = state(pid);
        while (!now.equals(expected) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            now = state(pid);
        }
        return now;
    }

    private static String state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
}
