package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.hosts.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real namespaces (root): processes started in them are signalled and, at close, gone with the namespaces. */
class NetnsHostsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void processesRunInTheirHostsNamespaceAndNothingIsLeftAfterClose(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(NetnsRequirements.missing().isEmpty(),
                () -> "netns runtime unavailable: " + NetnsRequirements.missing().orElse(""));
        NetnsHosts hosts = NetnsHosts.create(AddressRange.parse("10.213.7.0/28"), List.of("a", "b"), dir);
        String run = hosts.network().names().run();
        try {
            ManagedProcess a = hosts.start("a", "sleeper", List.of("sh", "-c", "ip -4 -o addr show; exec sleep 600"));
            assertThat(hosts.isRunning("a", "sleeper")).isTrue();
            assertThat(hosts.network().pids("a")).contains(a.pid());

            hosts.pause("a", "sleeper");
            assertThat(awaitState(a.pid(), true)).as("stopped").isEqualTo('T');
            hosts.resume("a", "sleeper");
            assertThat(awaitState(a.pid(), false)).as("running again").isNotEqualTo('T');

            hosts.kill("a", "sleeper");
            assertThat(hosts.isRunning("a", "sleeper")).isFalse();
            ManagedProcess again = hosts.restart("a", "sleeper");
            assertThat(again.isAlive()).isTrue();
            assertThat(Files.readString(hosts.log("a", "sleeper"))).contains(hosts.address("a"));
        } finally {
            hosts.close();
        }
        assertThat(NetnsLeftovers.namespaces()).noneMatch(n -> NetnsNames.runOf(n).map(run::equals).orElse(false));
        assertThat(NetnsLeftovers.links()).noneMatch(n -> NetnsNames.runOf(n).map(run::equals).orElse(false));
    }

    /** The process state letter ({@code T} = stopped) once it is (or is not) stopped, or at the deadline. */
    private static char awaitState(long pid, boolean stopped) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char s = stat.charAt(stat.lastIndexOf(')') + 2); // the state follows the command in parentheses
            if ((s == 'T') == stopped || System.nanoTime() > deadline) return s;
            Thread.sleep(10);
        }
    }
}
