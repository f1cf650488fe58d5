package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.cli.AnalyzeCommandTest.Run;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void anUnknownBenchmarkIsBadInputNamingTheKnownOnes() {
        Run run = AnalyzeCommandTest.faultline("bench", "disk");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("unknown benchmark 'disk' (known: checkers, client, docker, history, netns, proxy, report, runner)")
                .hasLineCount(1);
    }

    @Test
    void tooManyArgumentsAreBadInputWithTheBenchmarksUsage() {
        Run run = AnalyzeCommandTest.faultline("bench", "client", "--fast");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("bench client: too many arguments [--fast]; usage: faultline bench client").hasLineCount(1);
    }

    @Test
    void anUnknownOptionOfTheProxyBenchmarkIsBadInputBeforeAnythingStarts() {
        Run run = AnalyzeCommandTest.faultline("bench", "proxy", "--bogus", "1");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("bench proxy: unknown option --bogus").contains("usage: faultline bench proxy [--redis PATH]")
                .hasLineCount(1);
    }

    @Test
    void aNumberThatIsNotOneIsBadInputNamingTheArgument() {
        Run run = AnalyzeCommandTest.faultline("bench", "runner", "ten");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("bench runner: an argument is not a whole number (For input string: \"ten\")")
                .hasLineCount(1);
    }
}
