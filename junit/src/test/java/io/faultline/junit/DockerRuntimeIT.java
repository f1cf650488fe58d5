package io.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.faultline.core.op.Op;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.sut.docker.DockerEngine;
import io.faultline.sut.docker.DockerLeftovers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Short tests on {@code --runtime docker} (Redis in containers) with partitions and kills: each
 * gets a verdict, kept the containers' logs, and left no container or network behind. Skipped,
 * with the reason, where no Docker engine answers.
 */
@ExtendWith(FaultlineExtension.class)
class DockerRuntimeIT {

    @BeforeAll
    static void dockerIsAvailable() {
        Optional<String> missing = DockerEngine.unavailableReason();
        assumeTrue(missing.isEmpty(), () -> "docker runtime tests skipped: " + missing.orElse("") + "; " + DockerEngine.REMEDY);
    }

    @AfterEach
    void noContainerOrNetworkOfThisJvmRemains() {
        assertThat(DockerLeftovers.ownedByThisJvm(DockerEngine.client())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"register", "set"})
    void aShortTestWithPartitionsAndKillsOnContainersGetsAVerdict(String workload, FaultlineTests faultline) throws Exception {
        TestOutcome outcome = faultline.run(t -> t.runtime("docker").workload(workload).nemesis("partition", "kill")
                .option("nodes", 3).option("zookeepers", 1).timeLimit(Duration.ofSeconds(12)).faultInterval(Duration.ofMillis(1500))
                .recovery(Duration.ofSeconds(3)).rate(50).seed(7).name("docker-" + workload));

        assertThat(outcome.interrupted()).isFalse();
        assertThat(outcome.result().valid()).as("the verdict").isNotNull();
        Set<String> faults = outcome.history().asList().stream().filter(op -> op.process() == Op.NEMESIS)
                .map(Op::f).collect(Collectors.toSet());
        assertThat(faults).as("nemesis ops").anyMatch(f -> f.contains("partition")).anyMatch(f -> f.contains("kill"));
        assertThat(outcome.runDirectory().resolve("logs/n1/redis.log")).isRegularFile();
        assertThat(Files.readString(outcome.runDirectory().resolve("logs/n1/redis.log"))).contains("Ready to accept connections");
    }
}
