package io.faultline.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.harness.plan.PlannedTest;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.plan.TestPlan;
import io.faultline.harness.runner.Runner;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.hosts.netns.NetnsRequirements;
import io.faultline.netnsdb.Leftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real run: three etcd members, register with linearizable reads, partitions of the leader. */
class EtcdIT {
    private static final String RANGE = "10.215.0.64/28";
    private static final String PREFIX = "10.215.0.";

    @Test
    void aPartitionedEtcdClusterGivesAVerdictAndLeavesNothingBehind(@TempDir Path store) throws Exception {
        Assumptions.assumeTrue(NetnsRequirements.missing().isEmpty(),
                () -> "netns runtime unavailable: " + NetnsRequirements.missing().orElse(""));
        Assumptions.assumeTrue(EtcdSystem.onPath("etcd").isPresent(), "no etcd on PATH (apt-get install etcd-server)");
        List<Path> dirsBefore = Leftovers.workDirectories("etcd");

        TestOptionsBuilder options = new TestOptionsBuilder().store(store).system("etcd").option("netns-range", RANGE)
                .workload("register").nemesis("partition").timeLimit(Duration.ofSeconds(10)).faultInterval(Duration.ofSeconds(3))
                .recovery(Duration.ofSeconds(2)).seed(1);
        TestOutcome outcome;
        try (PlannedTest planned = TestPlan.plan(options.build())) {
            outcome = Runner.of(planned.spec(), System.err).run();
        }

        assertThat(outcome.result().valid()).as(outcome.result().explanation()).isEqualTo(Validity.TRUE);
        assertThat(outcome.history().size()).isPositive();
        try (var logs = Files.walk(outcome.runDirectory().resolve("logs"))) {
            assertThat(logs.filter(p -> p.getFileName().toString().equals("etcd.log")).count()).isEqualTo(3);
        }
        assertThat(Leftovers.namespacesWithAddress(PREFIX)).isEmpty();
        assertThat(Leftovers.processesMentioning("http://" + PREFIX)).isEmpty();
        assertThat(Leftovers.workDirectories("etcd")).isSubsetOf(dirsBefore);
    }
}
