package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.cli.AnalyzeCommandTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path store;

    @Test
    void anUnknownWorkloadIsBadInputNamingTheOptionAndTheChoices() {
        Run run = AnalyzeCommandTest.faultline("test", "--workload", "queue", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--workload must be one of register, set, counter, was 'queue'").hasLineCount(1);
    }

    @Test
    void anUnknownFaultIsBadInput() {
        Run run = AnalyzeCommandTest.faultline("test", "--nemesis", "partition,meteor", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--nemesis must be one of").contains("'meteor'");
    }

    @Test
    void anUnknownReadModeIsBadInputNamingTheChoices() {
        Run run = AnalyzeCommandTest.faultline("test", "--reads", "quorum", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--reads must be one of plain, fenced, was 'quorum'").hasLineCount(1);
    }

    @Test
    void keysBelowOneAreBadInput() {
        Run run = AnalyzeCommandTest.faultline("test", "--keys", "0", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--keys must be >= 1, was 0").hasLineCount(1);
    }

    @Test
    void aNegativeTimeLimitIsBadInput() {
        Run run = AnalyzeCommandTest.faultline("test", "--time-limit", "-3", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("--time-limit");
    }

    @Test
    void aMissingRedisBinaryIsBadInputNamingThePathAndLeavesNothingRunning() {
        Path missing = store.resolve("no-such-redis-server");
        Run run = AnalyzeCommandTest.faultline("test", "--redis-binary", missing.toString(), "--time-limit", "1",
                "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains(missing.toString());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anUnknownSystemIsOneLineNamingTheKnownOnes() {
        Run run = AnalyzeCommandTest.faultline("test", "--system", "nope", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        // every system on the CLI's class path, in name order (the plug-ins of this repo; more may come)
        assertThat(run.err().strip()).startsWith("faultline: unknown system 'nope' (known: ").contains("etcd", "redis-sentinel", "redis-zk", "zookeeper")
                .doesNotContain("\n");
    }

    @Test
    void anOptionTheSystemLacksIsOneLineNamingTheOptionsItHas() {
        Run run = AnalyzeCommandTest.faultline("test", "--replicas", "3", "--store", store.toString());
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err()).contains("system redis-zk has no option --replicas (its options: --nodes, --groups, ")
                .hasLineCount(1);
    }

    @Test
    void latencyOnNetnsOrNetnsWithoutRootIsOneLineNamingTheRuntimeThatCan() {
        Run run = AnalyzeCommandTest.faultline("test", "--runtime", "netns", "--nemesis", "latency", "--time-limit", "1");
        assertThat(run.exit()).isEqualTo(254);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).containsAnyOf(
                "--nemesis latency: the netns runtime cannot delay packets", // where netns runs (root, ip, iptables)
                "--runtime netns needs");                                   // where it cannot: names what is missing
        assertThat(run.err()).contains("local");
    }

    @Test
    void systemsListsTheBundledSystemWithItsOptionsAndWorkloads() {
        Run run = AnalyzeCommandTest.faultline("systems");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("redis-zk (default): ", "workloads: register, set, counter", "runtimes:  local, docker, netns",
                "--replication sync|async  async, or sync (WAIT for every replica) (default sync)", "--nodes N  Redis nodes (default 5)",
                "zk1, zk2, zk3");
    }
}
