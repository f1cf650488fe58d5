package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner records of netns runs (no namespace is made here). */
class NetnsLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void aRangeThatOverlapsALiveRunsIsRefusedInOneLineAndFreedWhenItsRunIsForgotten() {
        NetnsLeftovers records = NetnsLeftovers.at(dir);
        records.record(new NetnsNames("0a1b2c"), AddressRange.parse("10.213.0.0/24"));
        assertThat(dir.resolve("0a1b2c.properties")).exists();

        assertThatThrownBy(() -> records.record(new NetnsNames("0d0e0f"), AddressRange.parse("10.213.0.0/16")))
                .isInstanceOf(NetnsException.class)
                .hasMessageStartingWith("the netns address range 10.213.0.0/16 is in use by run 0a1b2c of the live harness pid "
                        + ProcessHandle.current().pid());
        records.record(new NetnsNames("0d0e0f"), AddressRange.parse("10.213.1.0/24")); // no overlap

        records.forget("0a1b2c");
        assertThat(dir.resolve("0a1b2c.properties")).doesNotExist();
        records.record(new NetnsNames("0a0a0a"), AddressRange.parse("10.213.0.0/24"));
    }

    @Test
    void aRecordOfADeadOwnerDoesNotHoldItsRange() throws Exception {
        Files.writeString(dir.resolve("abcdef.properties"), "run=abcdef\nrange=10.213.0.0/24\nowner=2147483646\n");
        NetnsLeftovers.at(dir).record(new NetnsNames("0a1b2c"), AddressRange.parse("10.213.0.0/24"));
        assertThat(dir.resolve("0a1b2c.properties")).exists();
    }
}
