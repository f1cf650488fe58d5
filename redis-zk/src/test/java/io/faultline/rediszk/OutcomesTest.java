package io.faultline.rediszk;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.sut.client.Outcome;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class OutcomesTest {

    private final Op write = Op.invoke(2, "write", 5L);

    @Test
    void okFailAndInfoBecomeTheSameCompletionTypes() {
        assertThat(Outcomes.complete(write, Outcome.ok(null), v -> 5L).type()).isEqualTo(OpType.OK);
        assertThat(Outcomes.complete(write, Outcome.fail("READONLY You can't write"), v -> 5L).type()).isEqualTo(OpType.FAIL);
        assertThat(Outcomes.complete(write, Outcome.info("WAIT: 1 of 4 replicas"), v -> 5L).type()).isEqualTo(OpType.INFO);
    }

    @Test
    void anUnknownOutcomeKeepsTheInvokedValueAndNamesTheError() {
        Op info = Outcomes.complete(write, Outcome.info("WAIT: 1 of 4 replicas"), v -> 5L);
        assertThat(info.value()).isEqualTo(5L);
        assertThat(info.process()).isEqualTo(2);
        assertThat(info.error()).isEqualTo(Keyword.newKeyword("wait"));
    }

    @Test
    void errorsBecomeLowerCaseKeywordsOfTheirFirstWord() {
        assertThat(Outcomes.errorKeyword("NOREPLICAS Not enough good replicas")).isEqualTo(Keyword.newKeyword("noreplicas"));
        assertThat(Outcomes.errorKeyword(null)).isEqualTo(Keyword.newKeyword("unknown"));
    }
}
