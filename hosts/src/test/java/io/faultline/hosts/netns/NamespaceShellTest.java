package io.faultline.hosts.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceShellTest {
    @Test
    void aCommandGetsItsInputAsAHereDocumentAndIsAcknowledgedWithItsExitCode() {
        assertThat(NamespaceShell.script(IpCommands.restore(), "*filter\n:FL-CUT - [0:0]\nCOMMIT\n")).isEqualTo("""
                'iptables-restore' '--wait' '--noflush' <<'FAULTLINE_INPUT_END'
                *filter
                :FL-CUT - [0:0]
                COMMIT
                FAULTLINE_INPUT_END
                echo "__faultline_ack $?"
                """);
    }

    @Test
    void aCommandWithoutInputReadsNothingAndWordsAreQuoted() {
        assertThat(NamespaceShell.script(List.of("tc", "it's"), null))
                .isEqualTo("'tc' 'it'\\''s' </dev/null\necho \"__faultline_ack $?\"\n");
        assertThatThrownBy(() -> NamespaceShell.script(List.of("cat"), "FAULTLINE_INPUT_END\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
