package io.faultline.sut.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a start can fail says why and what to do, and leaves nothing running. */
class ClusterStartFailuresTest {
    @TempDir
    Path tmp;

    private ClusterSpec.Builder spec() {
        return ClusterSpec.builder().nodes(3).zookeepers(1).workDir(tmp.resolve("work")).pidDir(tmp.resolve("pids"))
                .startTimeout(Duration.ofSeconds(2));
    }

    @AfterEach
    void nothingKeepsRunning() throws Exception {
        assertThat(Await.until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
                Duration.ofSeconds(5), Duration.ofMillis(50))).as("no child process is alive").isTrue();
        if (Files.isDirectory(tmp.resolve("pids"))) {
            try (var records = Files.list(tmp.resolve("pids"))) {
                assertThat(records).as("pid records left").isEmpty();
            }
        }
    }

    @Test
    void aMissingRedisBinaryIsNamedWithWhatToDo() {
        Path missing = tmp.resolve("no-such-redis-server");
        try (LocalCluster cluster = LocalCluster.create(spec().redisBinary(missing).build())) {
            assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                    .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist")
                    .hasMessageContaining("redisBinary");
        }
    }

    @Test
    void anUnusableRedisBinaryIsNamedWithWhatItSaid() throws Exception {
        Path fake = tmp.resolve("redis-server");
        Files.writeString(fake, "#!/bin/sh\necho 'cannot open shared object file: libssl.so.3' >&2\nexit 127\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        try (LocalCluster cluster = LocalCluster.create(spec().redisBinary(fake).build())) {
            assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                    .hasMessageContaining(fake.toString()).hasMessageContaining("not usable")
                    .hasMessageContaining("libssl.so.3").hasMessageContaining("apt-get install -y redis-server");
        }
    }

    @Test
    void aTakenPortInTheExplicitBlockIsNamedWithItsNode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int base = taken.getLocalPort() - 2;
            try (LocalCluster cluster = LocalCluster.create(spec().basePort(base).build())) {
                assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                        .hasMessageContaining("port " + taken.getLocalPort()).hasMessageContaining("n3")
                        .hasMessageContaining("already in use").hasMessageContaining("choose another basePort");
            }
        }
    }

    @Test
    void anUnreachableZooKeeperIsNamedWithWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        String connect = "127.0.0.1:" + closedPort;
        try (LocalCluster cluster = LocalCluster.create(spec().zookeeperConnect(connect).build())) {
            assertThatThrownBy(cluster::start).isInstanceOf(ClusterStartException.class)
                    .hasMessageContaining("ZooKeeper at " + connect + " is unreachable")
                    .hasMessageContaining("leave zookeeperConnect unset");
        }
    }
}
