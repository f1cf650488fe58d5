package io.faultline.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.core.op.OpType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {

    private static final String EVIL = "</script><script>alert(1)</script><!-- &amp; \u2028";

    @TempDir
    Path dir;

    private String render(History history, Result result) throws Exception {
        Path file = dir.resolve("report.html");
        Report.write(ReportInput.of("escaping", Instant.EPOCH, Map.of("note", EVIL), history, result), file);
        return Files.readString(file);
    }

    private static String between(String html, String open, String close) {
        int from = html.indexOf(open) + open.length();
        return html.substring(from, html.indexOf(close, from));
    }

    @Test
    void embedsHistoryValuesHoldingHtmlOnlyAsEscapedJson() throws Exception {
        History history = new Histories.Builder()
                .invoke(0, 0, "write", EVIL).complete(5, OpType.OK, 0, "write", EVIL).build();

        String html = render(history, Result.invalid("bad " + EVIL, Map.of("lost", List.of(EVIL))));

        assertThat(html).doesNotContain("<script>alert", "</script><script>alert", "\u2028");
        String data = between(html, "<script type=\"application/json\" id=\"report-data\">", "</script>");
        assertThat(data).doesNotContain("<", ">", "&");
        assertThat(data).contains("\\u003C/script\\u003E", "\\u2028");
        JsonNode model = new ObjectMapper().readTree(data);
        assertThat(model.at("/summary/explanation").asText()).isEqualTo("bad " + EVIL);
        assertThat(model.at("/lostWrites/0/element").asText()).isEqualTo(EVIL);
    }

    @Test
    void embedsTheTimelineAsGzippedBase64ThatHoldsEveryOp() throws Exception {
        History history = Histories.validRegister();

        String html = render(history, Result.valid("fine"));

        String encoded = between(html, "<script type=\"application/octet-stream\" id=\"timeline-data\">", "</script>");
        byte[] json = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(encoded.strip())))
                .readAllBytes();
        JsonNode timeline = new ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8));
        assertThat(timeline.get("p").size()).isEqualTo(204);
        assertThat(timeline.get("fs")).extracting(JsonNode::asText)
                .contains("read", "write", "start-partition", "kill", "start");
    }

    @Test
    void loadsNothingFromElsewhere() throws Exception {
        String html = render(Histories.validRegister(), Result.valid("fine"));

        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
        assertThat(html).doesNotContainPattern("<(script|link|img|iframe)[^>]+(src|href)=");
    }
}
