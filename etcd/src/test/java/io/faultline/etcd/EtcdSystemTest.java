package io.faultline.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasLogs;
import io.faultline.core.node.HasNet;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EtcdSystemTest {
    private final EtcdSystem system = new EtcdSystem();

    @Test
    void itIsFoundWithServiceLoaderAsEtcdAndRunsOnlyOnNetns() {
        assertThat(Systems.load().get("etcd")).isInstanceOf(EtcdSystem.class);
        assertThat(system.runtimes()).containsExactly("netns");
        assertThat(system.workloads()).containsExactly("register", "set");
    }

    @Test
    void readsAreLinearizableByDefaultAndTheLabelSaysWhich() {
        assertThat(system.label(SystemOptions.of(system, Map.of()))).isEqualTo("linearizable-reads");
        assertThat(system.label(SystemOptions.of(system, Map.of("reads", "serializable")))).isEqualTo("serializable-reads");
    }

    @Test
    void aMissingBinaryIsOneLineNamingTheOption() {
        SystemOptions o = SystemOptions.of(system, Map.of("etcd-binary", "/nonexistent/etcd"));
        assertThatThrownBy(() -> EtcdSystem.binary(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--etcd-binary /nonexistent/etcd is not an executable file");
    }

    @Test
    void aRangeTooSmallForTheNodesIsRefused() {
        assertThatThrownBy(() -> SystemOptions.of(system, Map.of("nodes", "5", "netns-range", "10.215.0.0/30")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--netns-range").hasMessageContaining("--nodes");
    }

    @Test
    void itsDbHasEveryAbilityTheNemesesUseAndRefusesLatency() {
        SystemOptions o = SystemOptions.of(system, Map.of("etcd-binary", "/bin/true"));
        Db db = system.db(o, "netns", null);
        assertThat(db).isInstanceOf(Killable.class).isInstanceOf(Pausable.class).isInstanceOf(HasNet.class)
                .isInstanceOf(HasLogs.class).isInstanceOf(HasPrimaries.class);
        assertThat(db.nodes()).containsExactly("n1", "n2", "n3");
        assertThat(((HasNet) db).cannot(NetFault.SLOW)).hasValueSatisfying(why -> assertThat(why).contains("--runtime local"));
        assertThat(((HasNet) db).cannot(NetFault.PARTITION)).isEmpty();
    }

    @Test
    void errorsBecomeKeywords() {
        assertThat(EtcdClient.keyword("etcdserver: request timed out").getName()).isEqualTo("etcdserver-request-timed-out");
        assertThat(EtcdClient.keyword("").getName()).isEqualTo("unknown");
    }
}
