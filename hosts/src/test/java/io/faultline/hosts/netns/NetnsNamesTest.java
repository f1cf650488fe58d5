package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetnsNamesTest {
    @Test
    void everyObjectStartsWithThePrefixAndTheRun() {
        NetnsNames n = new NetnsNames("0a1b2c");
        assertThat(n.switchNamespace()).isEqualTo("fl-0a1b2c-sw");
        assertThat(n.namespace("zk3")).isEqualTo("fl-0a1b2c-zk3");
        assertThat(n.controlLink()).isEqualTo("fl-0a1b2c");
        assertThat(n.hostLink("n12")).isEqualTo("fl-0a1b2c-n12");
        assertThat(NetnsNames.fresh().run()).matches("[0-9a-f]{6}");
    }

    @Test
    void theRunOfAnObjectIsReadBackOnlyFromFaultlinesNames() {
        assertThat(NetnsNames.runOf("fl-0a1b2c-n1")).contains("0a1b2c");
        assertThat(NetnsNames.runOf("fl-0a1b2c")).contains("0a1b2c");
        assertThat(NetnsNames.runOf("fl-xyz")).isEmpty();
        assertThat(NetnsNames.runOf("docker0")).isEmpty();
        assertThat(NetnsNames.runOf("eth0")).isEmpty();
    }

    @Test
    void linkNamesLongerThanLinuxAllowsAreRefused() {
        assertThatThrownBy(() -> new NetnsNames("0a1b2c").hostLink("server12")).hasMessageContaining("longer than 15");
        assertThatThrownBy(() -> new NetnsNames("XYZ")).hasMessageContaining("6 lower-case hex digits");
    }
}
