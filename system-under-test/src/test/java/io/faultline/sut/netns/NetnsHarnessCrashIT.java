package io.faultline.sut.netns;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.hosts.netns.NetnsLeftovers;
import io.faultline.hosts.netns.NetnsNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harness killed with SIGKILL: its processes go by themselves, and the next start's sweep removes its namespaces and links. */
class NetnsHarnessCrashIT {
    /** Not the default range, so that a live run of the default range elsewhere on the machine does not refuse this one. */
    private static final String RANGE = "10.213.1.0/24";

    @TempDir
    Path tmp;

    @BeforeEach
    void needsTheNetnsRuntime() {
        Netns.assumeAvailable();
    }

    @Test
    void theNextStartSweepsTheNamespacesLinksAndProcessesOfAHarnessKilledWithSigkill() throws Exception {
        Process harness = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingNetnsHarness.class.getName(),
                tmp.resolve("work").toString(), tmp.resolve("pids").toString(), RANGE)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String run;
        List<Long> pids = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("UP ")) {
                // start-up chatter
            }
            assertThat(line).as("the stand-in harness started its cluster").startsWith("UP ");
            run = line.substring(3).trim();
            NetnsNames names = new NetnsNames(run);
            for (String host : List.of("n1", "n2", "n3", "zk1")) pids.addAll(NetnsLeftovers.pids(names.namespace(host)));
            assertThat(Netns.servers(pids)).as("3 redis + 3 agents + 1 ZooKeeper server").hasSize(7);
        } finally {
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            harness.waitFor();
        }
        assertThat(Netns.leftovers(run)).as("what the dead harness left").isNotEmpty();
        boolean goneByThemselves = Netns.until(() -> pids.stream().noneMatch(Netns::alive), Duration.ofSeconds(15));
        System.out.println("netns crash: the processes of the dead harness " + (goneByThemselves ? "exited by themselves (stdin EOF)"
                : "were still alive 15 s later"));

        List<String> swept = NetnsLeftovers.at(NetnsLeftovers.defaultLocation()).sweep();

        System.out.println("netns crash: swept " + swept);
        assertThat(swept).anyMatch(s -> s.contains("fl-" + run));
        assertThat(Netns.leftovers(run)).as("namespaces and links of the dead run after the sweep").isEmpty();
        assertThat(pids).as("processes of the dead run after the sweep").noneMatch(Netns::alive);
    }
}
