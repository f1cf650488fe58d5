package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandsWithoutAClusterTest {

    @TempDir
    Path dir;

    private AnalyzeCommandTest.Run faultline(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state", dir.toString()));
        return AnalyzeCommandTest.faultline(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster status", "cluster down", "cluster write x 1", "cluster read x", "fault heal",
            "fault kill n3", "fault partition isolate n1", "fault latency 200ms", "load --time-limit 1"})
    void everyCommandSaysInOneLineThatNoClusterIsRunningAndExits254(String command) {
        AnalyzeCommandTest.Run run = faultline(command.split(" "));
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).isEqualTo("faultline: no cluster is running (state file " + dir.toAbsolutePath().resolve("cluster.json")
                + " not found): start one with 'faultline cluster up'" + System.lineSeparator());
    }

    @Test
    void upRefusesAClusterOfOneNodeBeforeStartingAnything() {
        AnalyzeCommandTest.Run run = faultline("cluster", "up", "--nodes", "1");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).isEqualTo("faultline: --nodes must be >= 2, was 1" + System.lineSeparator());
    }

    @Test
    void upRefusesAnUnknownRuntimeNamingIt() {
        AnalyzeCommandTest.Run run = faultline("cluster", "up", "--runtime", "vm");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--runtime must be one of local, docker, netns, ssh, was 'vm'");
    }

    @Test
    void aFaultWithoutItsNodeIsABadArgument() {
        assertThat(faultline("fault", "kill").exit()).isEqualTo(254);
    }

    @Test
    void latenciesAreMillisecondsOrSeconds() {
        assertThat(FaultCommand.parseDuration("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(FaultCommand.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(FaultCommand.parseDuration("150")).isEqualTo(Duration.ofMillis(150));
        assertThatThrownBy(() -> FaultCommand.parseDuration("2x")).isInstanceOf(BadInputException.class)
                .hasMessage("bad duration '2x': expected a duration like 200ms or 1s");
    }
}
