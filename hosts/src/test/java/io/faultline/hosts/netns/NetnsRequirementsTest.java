package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetnsRequirementsTest {
    @Test
    void eachToolIsNamedWithItsDebianPackage() {
        assertThat(NetnsRequirements.TOOLS).containsExactly("ip", "tc", "iptables-restore", "nsenter");
        assertThat(NetnsRequirements.debianPackage("ip")).isEqualTo("iproute2");
        assertThat(NetnsRequirements.debianPackage("tc")).isEqualTo("iproute2");
        assertThat(NetnsRequirements.debianPackage("iptables-restore")).isEqualTo("iptables");
        assertThat(NetnsRequirements.debianPackage("nsenter")).isEqualTo("util-linux");
    }

    @Test
    void aToolMissingFromPathIsNotFound() {
        assertThat(NetnsRequirements.onPath("faultline-no-such-tool")).isFalse();
        assertThat(NetnsRequirements.onPath("sh")).isTrue();
    }

    @Test
    void whatIsMissingIsOneLineOrNothing() {
        NetnsRequirements.missing().ifPresent(reason -> assertThat(reason).startsWith("needs ").doesNotContain("\n"));
    }
}
