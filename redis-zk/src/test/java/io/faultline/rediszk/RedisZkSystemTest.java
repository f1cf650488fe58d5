package io.faultline.rediszk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
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
    void itsDbHasEveryAbilityAndItsWorkloadsAreItsOwn() {
        SystemOptions o = SystemOptions.of(system, Map.of("nodes", "3"));
        Db db = system.db(o, "local", LinkRouter.direct());
        assertThat(db.nodes()).containsExactly("n1", "n2", "n3");
        assertThat(db).isInstanceOf(Killable.class).isInstanceOf(Pausable.class).isInstanceOf(HasPrimaries.class);
        assertThat(system.workload("set", o, db).name()).isEqualTo("set");
        assertThatThrownBy(() -> system.workload("queue", o, db))
                .hasMessage("system redis-zk has no workload 'queue' (its workloads: register, set, counter)");
    }
}
