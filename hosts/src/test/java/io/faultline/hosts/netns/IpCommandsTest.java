package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpCommandsTest {
    private final NetnsNames names = new NetnsNames("0a1b2c");
    private final AddressRange range = AddressRange.parse("10.213.0.0/24");
    private final IpCommands ip = new IpCommands(names, range);

    @Test
    void aGrudgeBecomesDropRulesBySourceAddressInFaultlinesOwnChain() {
        assertThat(IpCommands.cut(Set.of("10.213.0.4", "10.213.0.2"))).isEqualTo("""
                *filter
                :FL-CUT - [0:0]
                -A FL-CUT -s 10.213.0.2 -j DROP
                -A FL-CUT -s 10.213.0.4 -j DROP
                COMMIT
                """);
    }

    @Test
    void healDeclaresTheChainEmptyWhichFlushesOnlyIt() {
        assertThat(IpCommands.cut(Set.of())).isEqualTo("*filter\n:FL-CUT - [0:0]\nCOMMIT\n");
        assertThat(IpCommands.restore()).containsExactly("iptables-restore", "--wait", "--noflush");
    }

    @Test
    void lossIsTheRandomStatisticMatchOnTheBridgeInterface() {
        assertThat(IpCommands.loss(0.2)).isEqualTo("""
                *filter
                :FL-LOSS - [0:0]
                -A FL-LOSS -i eth0 -m statistic --mode random --probability 0.2000 -j DROP
                COMMIT
                """);
        assertThat(IpCommands.loss(0)).isEqualTo("*filter\n:FL-LOSS - [0:0]\nCOMMIT\n");
        assertThatThrownBy(() -> IpCommands.loss(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
    }

    @Test
    void lossOnARealHostMatchesEveryInterfaceButLoopback() {
        assertThat(IpCommands.loss(0.2, "! -i lo")).isEqualTo("""
                *filter
                :FL-LOSS - [0:0]
                -A FL-LOSS ! -i lo -m statistic --mode random --probability 0.2000 -j DROP
                COMMIT
                """);
        assertThatThrownBy(() -> IpCommands.loss(-0.1, "! -i lo")).hasMessage("a loss probability is in 0..1, was -0.1");
    }

    @Test
    void theChainsAreJumpedToFromInputOnce() {
        assertThat(IpCommands.chains()).isEqualTo(
                "*filter\n:FL-CUT - [0:0]\n:FL-LOSS - [0:0]\n-A INPUT -j FL-CUT\n-A INPUT -j FL-LOSS\nCOMMIT\n");
    }

    @Test
    void bandwidthIsATokenBucketOnTheHostsInterface() {
        assertThat(IpCommands.rate(512)).containsExactly("tc", "qdisc", "replace", "dev", "eth0", "root", "tbf", "rate", "512kbit",
                "burst", "32kbit", "latency", "400ms");
        assertThat(IpCommands.unlimited()).containsExactly("tc", "qdisc", "del", "dev", "eth0", "root");
    }

    @Test
    void aHostIsANamespaceWithAVethOnTheBridgeAndItsOwnAddress() {
        assertThat(ip.createHost("n1", "10.213.0.2")).containsExactly(
                List.of("ip", "netns", "add", "fl-0a1b2c-n1"),
                List.of("ip", "-n", "fl-0a1b2c-n1", "link", "set", "lo", "up"),
                List.of("ip", "-n", "fl-0a1b2c-sw", "link", "add", "fl-0a1b2c-n1", "type", "veth", "peer", "name", "eth0",
                        "netns", "fl-0a1b2c-n1"),
                List.of("ip", "-n", "fl-0a1b2c-sw", "link", "set", "fl-0a1b2c-n1", "master", "br0"),
                List.of("ip", "-n", "fl-0a1b2c-sw", "link", "set", "fl-0a1b2c-n1", "up"),
                List.of("ip", "-n", "fl-0a1b2c-n1", "addr", "add", "10.213.0.2/24", "dev", "eth0"),
                List.of("ip", "-n", "fl-0a1b2c-n1", "link", "set", "eth0", "up"));
    }

    @Test
    void theOnlyRootNamespaceChangeIsTheControlVethWithTheBridgeAddress() {
        List<List<String>> rootCommands = ip.createSwitch().stream()
                .filter(c -> !c.contains("-n") && !c.get(1).equals("netns")).toList();
        assertThat(rootCommands).containsExactly(
                List.of("ip", "link", "add", "fl-0a1b2c", "type", "veth", "peer", "name", "fl-0a1b2c-c", "netns", "fl-0a1b2c-sw"),
                List.of("ip", "addr", "add", "10.213.0.1/24", "dev", "fl-0a1b2c"),
                List.of("ip", "link", "set", "fl-0a1b2c", "up"));
        assertThat(ip.createSwitch()).noneMatch(c -> c.get(0).startsWith("iptables"));
    }

    @Test
    void commandsRunInAHostsNamespaceThroughIpNetnsExec() {
        assertThat(ip.inNamespace("zk1", IpCommands.restore()))
                .containsExactly("ip", "netns", "exec", "fl-0a1b2c-zk1", "iptables-restore", "--wait", "--noflush");
    }

    @Test
    void faultCommandsEnterOnlyTheNetworkNamespace() {
        assertThat(ip.inNetwork("n2", IpCommands.restore()))
                .containsExactly("nsenter", "--net=/run/netns/fl-0a1b2c-n2", "iptables-restore", "--wait", "--noflush");
    }
}
