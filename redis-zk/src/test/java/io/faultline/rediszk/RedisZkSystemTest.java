package io.faultline.rediszk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisZkSystemTest {

    private final RedisZkSystem system = new RedisZkSystem();

    @Test
    void itIsFoundWithServiceLoaderAsRedisZk() {
        assertThat(Systems.load().get("redis-zk")).isInstanceOf(RedisZkSystem.class);
    }

    @Test
    void theExtraHostsAreTheZooKeeperServers() {
        assertThat(system.extraHosts(SystemOptions.of(system, Map.of("zookeepers", "2")))).containsExactly("zk1", "zk2");
    }

    @Test
    void theLabelAndTestJsonKeepTheNamesTheyHadBeforeThePlugIn() {
        SystemOptions safe = SystemOptions.of(system, Map.of());
        SystemOptions fenced = SystemOptions.of(system, Map.of("replication", "async", "on-lease-loss", "keep", "reads", "fenced"));
        assertThat(system.label(safe)).isEqualTo("sync-demote");
        assertThat(system.label(fenced)).isEqualTo("async-keep-fenced-reads");
        assertThat(system.describe(safe)).containsEntry("session-timeout-ms", 3000L).containsEntry("nodes", 5)
                .doesNotContainKey("redis-binary");
    }

    @Test
    void moreGroupsThanNodesIsOneLine() {
        assertThatThrownBy(() -> SystemOptions.of(system, Map.of("nodes", "3", "groups", "4")))
                .hasMessage("--groups must be in 1..--nodes, was 4");
    }

    @Test
    void theNetnsRuntimeHasADocumentedRangeCheckedInOneLine() {
        assertThat(system.runtimes()).containsExactly("local", "docker", "netns", "ssh");
        assertThat(SystemOptions.of(system, Map.of()).string("netns-range")).isEqualTo("10.213.0.0/24");
        assertThatThrownBy(() -> SystemOptions.of(system, Map.of("netns-range", "10.213.0.0")))
                .hasMessage("--netns-range: the netns address range must look like 10.213.0.0/24, was '10.213.0.0'");
        assertThatThrownBy(() -> SystemOptions.of(system, Map.of("netns-range", "10.9.0.0/30", "nodes", "3", "zookeepers", "1")))
                .hasMessage("--netns-range 10.9.0.0/30 has room for 1 hosts, not 4 (nodes and ZooKeeper servers)");
    }

    @Test
    void onNetnsTheDbCutsPacketsItselfAndRefusesLatency() {
        Db db = system.db(SystemOptions.of(system, Map.of("nodes", "3")), "netns", LinkRouter.direct());
        assertThat(db).isInstanceOf(HasNet.class).isInstanceOf(Killable.class).isInstanceOf(Pausable.class);
        assertThat(((HasNet) db).cannot(NetFault.SLOW)).hasValueSatisfying(m -> assertThat(m).contains("--runtime local"));
        assertThat(((HasNet) db).cannot(NetFault.PARTITION)).isEmpty();
        assertThat(((HasNet) db).cannot(NetFault.FLAKY)).isEmpty();
        assertThat(((HasNet) db).cannot(NetFault.BANDWIDTH)).isEmpty();
        assertThat(system.db(SystemOptions.of(system, Map.of()), "local", LinkRouter.direct())).isNotInstanceOf(HasNet.class);
    }

    @Test
    void itsDbHasEveryAbilityAndItsWorkloadsAreItsOwn() {
        SystemOptions o = SystemOptions.of(system, Map.of("nodes", "3"));
        Db db = system.db(o, "local", LinkRouter.direct());
        assertThat(db.nodes()).containsExactly("n1", "n2", "n3");
        assertThat(db).isInstanceOf(Killable.class).isInstanceOf(Pausable.class).isInstanceOf(HasPrimaries.class);
        assertThat(system.workload("set", o, db).name()).isEqualTo("set");
        assertThatThrownBy(() -> system.workload("queue", o, db))
                .hasMessage("system redis-zk has no workload 'queue' (its workloads: register, set, counter)");
    }

    @Test
    void onSshTheDbCutsPacketsOnTheHostsAndRefusesLatency() {
        Db db = system.db(SystemOptions.of(system, Map.of("nodes", "2", "zookeepers", "1", "hosts", "10.0.0.2, 10.0.0.3,10.0.0.4")),
                "ssh", LinkRouter.direct());
        assertThat(db).isInstanceOf(HasNet.class).isInstanceOf(Killable.class).isInstanceOf(Pausable.class);
        assertThat(((HasNet) db).cannot(NetFault.SLOW)).hasValueSatisfying(m -> assertThat(m).contains("ssh runtime", "--runtime local"));
        assertThat(((HasNet) db).cannot(NetFault.BANDWIDTH)).hasValueSatisfying(m -> assertThat(m).contains("--runtime netns"));
        assertThat(((HasNet) db).cannot(NetFault.PARTITION)).isEmpty();
    }

    @Test
    void onSshEachNodeAndZooKeeperServerNeedsAHostSaidInOneLine() {
        SystemOptions tooFew = SystemOptions.of(system, Map.of("nodes", "3", "zookeepers", "1", "hosts", "a,b,c"));
        assertThatThrownBy(() -> system.db(tooFew, "ssh", LinkRouter.direct()))
                .hasMessage("--runtime ssh needs one host per node and ZooKeeper server, 4 (--nodes 3 + --zookeepers 1), "
                        + "in --hosts or --hosts-file; got 3");
    }

    @Test
    void onSshTheHostsFileHasOneAddressALineWithComments(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("hosts");
        java.nio.file.Files.writeString(file, "# nodes\n10.0.0.2\n10.0.0.3  # n2\n\n10.0.0.4\n");
        SystemOptions o = SystemOptions.of(system, Map.of("nodes", "2", "zookeepers", "1", "hosts-file", file.toString()));
        assertThat(SshRuntime.target(o).addresses()).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
        assertThat(SshRuntime.target(o).user()).isEqualTo("root");
        assertThat(SshRuntime.target(o).port()).isEqualTo(22);
    }
}
