package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
    @Test
    void theBridgeTakesTheFirstAddressAndTheHostsTheNextOnes() {
        AddressRange r = AddressRange.parse(AddressRange.DEFAULT);
        assertThat(r.bridge()).isEqualTo("10.213.0.1");
        assertThat(r.host(0)).isEqualTo("10.213.0.2");
        assertThat(r.host(7)).isEqualTo("10.213.0.9");
        assertThat(r.withPrefix(r.host(0))).isEqualTo("10.213.0.2/24");
        assertThat(r.capacity()).isEqualTo(253);
        assertThat(r).hasToString("10.213.0.0/24");
    }

    @Test
    void aSmallRangeSaysHowManyHostsFit() {
        AddressRange r = AddressRange.parse("192.168.77.0/29");
        assertThat(r.host(4)).isEqualTo("192.168.77.6");
        assertThatThrownBy(() -> r.host(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the netns address range 192.168.77.0/29 has room for 5 hosts, not 6");
    }

    @Test
    void badRangesAreOneLine() {
        assertThatThrownBy(() -> AddressRange.parse("10.213.0.0")).hasMessageContaining("must look like 10.213.0.0/24, was '10.213.0.0'");
        assertThatThrownBy(() -> AddressRange.parse("10.213.0.300/24")).hasMessageContaining("must look like");
        assertThatThrownBy(() -> AddressRange.parse("10.213.0.5/24")).hasMessageContaining("has host bits set; its network address is 10.213.0.0");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/31")).hasMessageContaining("prefix length in 8..30");
    }
}
