package io.faultline.hosts.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshConfigTest {
    private final SshConfig config = new SshConfig("root", Path.of("/keys/id"), 2222, Path.of("/run/known_hosts"), Path.of("/tmp/fl-ssh-1"));

    @Test
    void sshNeverAsksAcceptsNewHostKeysIntoTheRunsFileAndSharesOneConnectionPerHost() {
        List<String> ssh = config.ssh("10.0.0.2");
        assertThat(ssh).startsWith("ssh").endsWith("root@10.0.0.2")
                .contains("BatchMode=yes", "StrictHostKeyChecking=accept-new", "UserKnownHostsFile=/run/known_hosts",
                        "ControlMaster=auto", "ControlPath=/tmp/fl-ssh-1/%C")
                .containsSubsequence("-p", "2222").containsSubsequence("-i", "/keys/id");
    }

    @Test
    void aRemoteCommandFollowsTheDoubleDashAsOneWord() {
        assertThat(config.exec("h", "kill -9 $(cat p)")).endsWith("root@h", "--", "kill -9 $(cat p)");
    }

    @Test
    void withoutAKeySshUsesItsOwnDefaults() {
        SshConfig noKey = new SshConfig("me", null, 22, Path.of("k"), Path.of("c"));
        assertThat(noKey.ssh("h")).doesNotContain("-i");
    }

    @Test
    void endingTheSharedConnectionNamesTheHostLast() {
        assertThat(config.exitMaster("h")).endsWith("-O", "exit", "root@h");
    }

    @Test
    void wordsAreSingleQuotedForTheRemoteShell() {
        assertThat(SshConfig.quote(List.of("redis-server", "--save", "", "it's"))).isEqualTo("'redis-server' '--save' '' 'it'\\''s'");
    }

    @Test
    void aPortOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new SshConfig("root", null, 0, Path.of("k"), Path.of("c"))).hasMessageContaining("1..65535");
    }
}
