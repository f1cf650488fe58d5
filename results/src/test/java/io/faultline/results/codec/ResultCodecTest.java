package io.faultline.results.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.op.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;

class ResultCodecTest {

    record Lost(long element, String when) {
    }

    private static Result nested() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("lost", Set.of(3L));
        set.put("error", Keyword.newKeyword("timeout"));
        set.put("first", new Lost(3, "late"));
        return Result.invalid("1 of 2 checkers found a problem", Map.of(
                "set", Result.invalid("1 lost", set),
                "linear", Result.unknown("timed out after PT10S")));
    }

    @Test
    void writesEdnAsJepsenDoesWithValidQuestionMarkAndKeywordKeys() {
        String edn = ResultCodec.toEdn(nested());

        assertThat(edn).startsWith("{:valid? false, :explanation \"1 of 2 checkers found a problem\", ");
        assertThat(edn).contains(":set {:valid? false, :explanation \"1 lost\", :lost #{3}, :error :timeout, "
                + ":first {:element 3, :when \"late\"}}");
        assertThat(edn).contains(":linear {:valid? :unknown, :explanation \"timed out after PT10S\"}");
    }

    @Test
    void writesOpsInDetailsAsTheirHistoryRecords() {
        Op op = new Op(7, 12, io.faultline.core.op.OpType.OK, 3, "read", 4L, null, Map.of());
        Result r = Result.invalid("x", Map.of("op", op));

        assertThat(ResultCodec.toEdn(r)).contains(":op {:index 7, :time 12, :type :ok, :process 3, :f :read, :value 4}");
        assertThat(ResultCodec.toJson(r).get("details").get("op").get("f").asText()).isEqualTo("read");
    }

    @Test
    void readsBackWhatItWroteAsJsonWithNestedResults() throws Exception {
        String json = new ObjectMapper().writeValueAsString(ResultCodec.toJson(nested()));

        Result back = ResultCodec.fromJson(new ObjectMapper().readTree(json));

        assertThat(back.valid()).isEqualTo(Validity.FALSE);
        Result set = (Result) back.details().get("set");
        assertThat(set.details()).containsEntry("lost", List.of(3L)).containsEntry("error", ":timeout")
                .containsEntry("first", Map.of("element", 3L, "when", "late"));
        assertThat(((Result) back.details().get("linear")).valid()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void refusesJsonThatIsNotAResultNamingWhatItFound() throws Exception {
        assertThatThrownBy(() -> ResultCodec.fromJson(new ObjectMapper().readTree("{\"valid\": true}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{\"valid\":true}");
    }
}
