package io.faultline.harness.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    private static ClusterState state(long pid) {
        return new ClusterState(pid, "http://127.0.0.1:1234", "redis-zk", "local",
                java.util.Map.of("replication", "async", "on-lease-loss", "keep"), List.of("n1", "n2", "n3"), List.of("zk1"),
                java.util.Map.of("zookeeper", "127.0.0.1:2181", "virtual-nodes", "128"), "/tmp/cluster.log");
    }

    @Test
    void whatIsWrittenIsReadBack() {
        StateFile file = StateFile.in(dir);
        file.write(state(12345));
        assertThat(file.read()).contains(state(12345));
        assertThat(file.path()).isEqualTo(dir.toAbsolutePath().resolve("cluster.json"));
    }

    @Test
    void withoutAFileNoClusterIsRunningAndTheMessageSaysHowToStartOne() {
        StateFile file = StateFile.in(dir);
        assertThatThrownBy(file::requireRunning).isInstanceOf(ControlRefusal.class)
                .hasMessage("no cluster is running (state file " + file.path() + " not found): start one with 'faultline cluster up'");
    }

    @Test
    void aFileWhoseDaemonIsGoneIsRemovedWithAMessage() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        StateFile file = StateFile.in(dir);
        file.write(state(gone.pid()));
        assertThatThrownBy(file::requireRunning).isInstanceOf(ControlRefusal.class)
                .hasMessageContaining("pid " + gone.pid() + ", is gone; removed the stale state file");
        assertThat(Files.exists(file.path())).isFalse();
    }

    @Test
    void anUnreadableFileIsRefusedNamingIt() throws Exception {
        StateFile file = StateFile.in(dir);
        Files.writeString(file.path(), "{ not json");
        assertThatThrownBy(file::read).isInstanceOf(ControlRefusal.class)
                .hasMessageStartingWith("cannot read the state file " + file.path());
    }

    @Test
    void aDaemonDeletesOnlyItsOwnFile() {
        StateFile file = StateFile.in(dir);
        file.write(state(12345));
        file.deleteIfOwnedBy(999);
        assertThat(file.read()).isPresent();
        file.deleteIfOwnedBy(12345);
        assertThat(file.read()).isEmpty();
    }

    @Test
    void theNodesAreNamedAsARange() {
        assertThat(state(1).nodeRange()).isEqualTo("n1..n3");
    }
}
