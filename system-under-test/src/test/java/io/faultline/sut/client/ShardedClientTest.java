package io.faultline.sut.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.hosts.process.ManagedProcess;
import io.faultline.hosts.process.PidDirectory;
import io.faultline.sut.lease.LeasePaths;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.redis.RedisBinaryLocator;
import io.faultline.sut.redis.RedisRoles;
import io.faultline.sut.redis.RedisServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/** One real Redis as the master of g1 (whose layout says it has one replica, which never shows up). */
class ShardedClientTest {
    @TempDir
    Path tmp;
    private TestingServer zookeeper;
    private CuratorFramework admin;
    private ManagedProcess redis;
    private RedisServer server;

    @BeforeEach
    void startOneRedisAndZooKeeper() throws Exception {
        zookeeper = new TestingServer(true);
        admin = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryNTimes(3, 100));
        admin.start();
        LeaseStatus.using(admin).writeLayout(Map.of("g1", List.of("n1", "n2")));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        server = new RedisServer(RedisBinaryLocator.standard().locate(null), port, tmp.resolve("n1"),
                tmp.resolve("n1/redis.log"), false);
        redis = server.start("n1-redis", PidDirectory.at(tmp.resolve("pids")), Duration.ofSeconds(10));
        try (RedisRoles roles = new RedisRoles(server.address(), 1000)) {
            roles.promote(0, 1);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (redis != null) {
            redis.kill();
        }
        admin.close();
        zookeeper.close();
    }

    private void lease(String node, int port) throws Exception {
        admin.create().withMode(CreateMode.EPHEMERAL).forPath(LeasePaths.leader("g1"),
                (node + " 127.0.0.1:" + port).getBytes(StandardCharsets.UTF_8));
    }

    private ShardedClient client(Replication replication) {
        return ShardedClient.connect(ClientConfig.builder(zookeeper.getConnectString()).replication(replication)
                .socketTimeout(Duration.ofMillis(400)).waitTimeout(Duration.ofMillis(200)).build());
    }

    @Test
    void operationsOnTheMasterAreOkAndReadBack() throws Exception {
        lease("n1", server.port());
        try (ShardedClient client = client(Replication.ASYNC)) {
            assertThat(client.read("r").kind()).isEqualTo(Outcome.Kind.OK);
            assertThat(client.read("r").value()).isNull();
            assertThat(client.write("r", "1").isOk()).isTrue();
            assertThat(client.read("r").value()).isEqualTo("1");
            assertThat(client.compareAndSet("r", "1", "2").isOk()).isTrue();
            assertThat(client.compareAndSet("r", "1", "3")).isEqualTo(Outcome.fail(Outcome.CAS_MISMATCH));
            assertThat(client.compareAndSet("fresh", null, "a").isOk()).isTrue();
            assertThat(client.compareAndSet("fresh", null, "b").error()).isEqualTo(Outcome.CAS_MISMATCH);
            assertThat(client.read("r").value()).isEqualTo("2");
            assertThat(client.addToSet("s", "x").isOk()).isTrue();
            assertThat(client.addToSet("s", "y").isOk()).isTrue();
            assertThat(client.readSet("s").value()).isEqualTo(Set.of("x", "y"));
            assertThat(client.increment("c", 5).value()).isEqualTo(5L);
            assertThat(client.readCounter("c").value()).isEqualTo(5L);
            assertThat(client.readCounter("none").value()).isZero();
        }
    }

    @Test
    void withSyncReplicationAWriteThatNoReplicaConfirmsIsInfo() throws Exception {
        lease("n1", server.port());
        try (ShardedClient client = client(Replication.SYNC)) {
            Outcome<Void> write = client.write("k", "v");
            assertThat(write.kind()).isEqualTo(Outcome.Kind.INFO);
            assertThat(write.error()).contains("WAIT: 0 of 1 replicas");
            assertThat(client.compareAndSet("k", "other", "w").error()).isEqualTo(Outcome.CAS_MISMATCH);
        }
    }

    @Test
    void aWriteWhoseWaitIsAnsweredWithAnErrorIsInfoBecauseTheWriteRan() throws Exception {
        lease("n1", server.port());
        try (ShardedClient client = ShardedClient.connect(ClientConfig.builder(zookeeper.getConnectString())
                .replication(Replication.SYNC).socketTimeout(Duration.ofSeconds(10)).waitTimeout(Duration.ofSeconds(8)).build());
             Jedis admin = new Jedis("127.0.0.1", server.port())) {
            Thread unblocker = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < deadline) {
                    for (String line : admin.clientList().split("\n")) {
                        if (line.contains("cmd=wait")) {
                            String id = line.replaceAll(".*\\bid=(\\d+).*", "$1");
                            admin.sendCommand(Protocol.Command.CLIENT, "UNBLOCK", id, "ERROR");
                            return;
                        }
                    }
                    Thread.onSpinWait();
                }
            });
            unblocker.start();
            Outcome<Void> write = client.write("k", "v");
            unblocker.join();
            assertThat(write.kind()).as(write.toString()).isEqualTo(Outcome.Kind.INFO);
            assertThat(write.error()).contains("WAIT failed after the write ran").contains("UNBLOCKED");
            assertThat(admin.get("k")).isEqualTo("v");
        }
    }

    @Test
    void withoutALeaseHolderEveryOperationFailsAndALaterLeaseIsFound() throws Exception {
        try (ShardedClient client = client(Replication.ASYNC)) {
            assertThat(client.write("k", "v").kind()).isEqualTo(Outcome.Kind.FAIL);
            assertThat(client.write("k", "v").error()).contains("no master known for g1");
            lease("n1", server.port());
            assertThat(client.write("k", "v").isOk()).isTrue();
        }
    }

    @Test
    void aRefusedConnectionIsFail() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        lease("n1", closed);
        try (ShardedClient client = client(Replication.ASYNC)) {
            Outcome<Void> write = client.write("k", "v");
            assertThat(write.kind()).isEqualTo(Outcome.Kind.FAIL);
            assertThat(write.error()).contains("cannot connect to n1");
        }
    }

    @Test
    void aDemotedMasterRefusesWritesAndReadsWithFail() throws Exception {
        lease("n1", server.port());
        try (ShardedClient client = client(Replication.ASYNC); RedisRoles roles = new RedisRoles(server.address(), 1000)) {
            roles.park();
            Outcome<Void> write = client.write("k", "v");
            Outcome<String> read = client.read("k");
            assertThat(write.kind()).isEqualTo(Outcome.Kind.FAIL);
            assertThat(write.error()).startsWith("READONLY");
            assertThat(read.kind()).isEqualTo(Outcome.Kind.FAIL);
            assertThat(read.error()).startsWith("MASTERDOWN");
        }
    }

    @Test
    void aTimeoutAfterSendingIsInfoForAWriteAndFailForARead() throws Exception {
        lease("n1", server.port());
        try (ShardedClient client = client(Replication.ASYNC)) {
            assertThat(client.write("k", "v").isOk()).isTrue(); // the pool now holds an open connection
            redis.pause();
            try {
                Outcome<Void> write = client.write("k", "w");
                assertThat(write.kind()).isEqualTo(Outcome.Kind.INFO);
                assertThat(write.error()).contains("Read timed out");
                assertThat(client.read("k").kind()).isEqualTo(Outcome.Kind.FAIL);
            } finally {
                redis.resume();
            }
        }
    }

    private ShardedClient fencedClient() {
        return ShardedClient.connect(ClientConfig.builder(zookeeper.getConnectString()).reads(ReadMode.FENCED)
                .socketTimeout(Duration.ofMillis(1000)).waitTimeout(Duration.ofMillis(300)).build());
    }

    @Test
    void aFencedReadWhoseBarrierNoReplicaAcknowledgesIsFailWhileAPlainReadIsOk() throws Exception {
        lease("n1", server.port());
        try (ShardedClient fenced = fencedClient(); ShardedClient plain = client(Replication.ASYNC);
             Jedis direct = new Jedis("127.0.0.1", server.port())) {
            assertThat(plain.write("k", "unreplicated").isOk()).isTrue();

            Outcome<String> read = fenced.read("k");

            assertThat(read.kind()).as("%s", read).isEqualTo(Outcome.Kind.FAIL);
            assertThat(read.error()).contains("read-barrier: fewer than 1 replicas of g1 acknowledged within 300ms");
            assertThat(direct.get(ReadMode.FENCE_KEY)).as("the barrier wrote its fence").isEqualTo("1");
            assertThat(plain.read("k").value()).isEqualTo("unreplicated");
        }
    }

    @Test
    void aFencedReadIsOkOnceEveryReplicaAcknowledgesItsBarrier() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        RedisServer replicaServer = new RedisServer(RedisBinaryLocator.standard().locate(null), port, tmp.resolve("n2"),
                tmp.resolve("n2/redis.log"), false);
        ManagedProcess replica = replicaServer.start("n2-redis", PidDirectory.at(tmp.resolve("pids")), Duration.ofSeconds(10));
        try (RedisRoles roles = new RedisRoles(replicaServer.address(), 1000)) {
            roles.follow(server.address());
            lease("n1", server.port());
            try (ShardedClient fenced = fencedClient()) {
                assertThat(fenced.write("k", "v").isOk()).isTrue();
                Outcome<String> read = fenced.read("k");
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!read.isOk() && System.nanoTime() < deadline) { // until the replica's first sync is done
                    read = fenced.read("k");
                }
                assertThat(read).isEqualTo(Outcome.ok("v"));
                assertThat(fenced.readSet("absent").value()).isEmpty();
                assertThat(fenced.readCounter("absent").value()).isZero();
            }
            // the lease now names the replica: it serves the GET, but refuses the barrier's write
            admin.delete().forPath(LeasePaths.leader("g1"));
            lease("n2", port);
            try (ShardedClient fenced = fencedClient(); ShardedClient plain = client(Replication.ASYNC)) {
                assertThat(plain.read("k")).isEqualTo(Outcome.ok("v"));
                Outcome<String> read = fenced.read("k");
                assertThat(read.kind()).as("%s", read).isEqualTo(Outcome.Kind.FAIL);
                assertThat(read.error()).startsWith("read-barrier-refused: READONLY");
            }
        } finally {
            replica.kill();
        }
    }
}
