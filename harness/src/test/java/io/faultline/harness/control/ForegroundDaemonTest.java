package io.faultline.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForegroundDaemonTest {

    @TempDir
    Path dir;

    private static ClusterState state(long pid) {
        return new ClusterState(pid, "http://127.0.0.1:1", "redis-zk", "local", java.util.Map.of("nodes", "2"), List.of("n1", "n2"),
                List.of("zk1"), java.util.Map.of("zookeeper", "127.0.0.1:2181"), "cluster.log");
    }

    @Test
    void aStaleStateFileIsRemovedWithAMessageBeforeANewClusterStarts() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        StateFile file = StateFile.in(dir);
        file.write(state(gone.pid()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ForegroundDaemon.refuseIfRunning(file, new PrintStream(log, true));
        assertThat(file.read()).isEmpty();
        assertThat(log.toString()).startsWith("faultline: removed the stale state file " + file.path())
                .contains("pid " + gone.pid() + ", is gone");
    }
}
