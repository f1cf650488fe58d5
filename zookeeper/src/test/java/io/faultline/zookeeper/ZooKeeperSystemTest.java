package io.faultline.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import java.util.Map;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

class ZooKeeperSystemTest {
    private final ZooKeeperSystem system = new ZooKeeperSystem();

    @Test
    void itIsFoundWithServiceLoaderAsZookeeperAndRunsOnlyOnNetns() {
        assertThat(Systems.load().get("zookeeper")).isInstanceOf(ZooKeeperSystem.class);
        assertThat(system.runtimes()).containsExactly("netns");
        assertThat(system.description()).contains("3.9");
    }

    @Test
    void readsArePlainByDefaultAndTheLabelSaysWhich() {
        assertThat(system.label(SystemOptions.of(system, Map.of()))).isEqualTo("plain-reads");
        assertThat(system.label(SystemOptions.of(system, Map.of("reads", "sync")))).isEqualTo("sync-reads");
    }

    @Test
    void aSessionTimeoutOutsideTwoToTwentyTicksIsRefused() {
        assertThatThrownBy(() -> SystemOptions.of(system, Map.of("tick-time", "500", "session-timeout", "500")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--session-timeout must be within 2..20 ticks");
    }

    @Test
    void itsDbHasEveryAbilityTheNemesesUse() {
        Db db = system.db(SystemOptions.of(system, Map.of("nodes", "5")), "netns", null);
        assertThat(db).isInstanceOf(Killable.class).isInstanceOf(Pausable.class).isInstanceOf(HasNet.class)
                .isInstanceOf(HasLogs.class).isInstanceOf(HasPrimaries.class);
        assertThat(db.nodes()).containsExactly("n1", "n2", "n3", "n4", "n5");
    }

    @Test
    void keeperErrorsBecomeKeywords() {
        assertThat(ZkClient.keyword(KeeperException.Code.CONNECTIONLOSS).getName()).isEqualTo("connection-loss");
        assertThat(ZkClient.keyword(KeeperException.Code.SESSIONEXPIRED).getName()).isEqualTo("session-expired");
    }
}
