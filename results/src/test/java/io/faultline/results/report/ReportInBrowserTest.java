package io.faultline.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens reports in headless Chromium: they render without console errors or exceptions, make no network
 * request, and show what they should. Screenshots go to {@code target/screenshots/}. Skipped when no
 * Chromium is installed.
 */
class ReportInBrowserTest {

    private static final Path OUT = Path.of("target", "reports-under-test");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        Optional<Path> exe = HeadlessChromium.executable();
        Assumptions.assumeTrue(exe.isPresent(), "Chromium is not installed (apt-get install -y chromium); "
                + "the browser tests of report.html are skipped");
        chromium = HeadlessChromium.start(exe.get());
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) chromium.close();
    }

    private static HeadlessChromium.PageCapture render(String name, History history, Result result) throws Exception {
        Path file = OUT.resolve(name + ".html").toAbsolutePath();
        Report.write(ReportInput.of(name, Instant.parse("2024-05-01T10:15:30.123Z"),
                Map.of("workload", "register", "nemesis", List.of("partition", "kill"), "seed", 7L,
                        "command-line", List.of("./faultline", "test", "--workload", "register", "--seed", "7")),
                history, result), file);
        HeadlessChromium.PageCapture page = chromium.open(file, SHOTS.resolve(name + ".png"), 4000, Duration.ofSeconds(30));
        assertRenderedCleanly(page);
        return page;
    }

    private static void assertRenderedCleanly(HeadlessChromium.PageCapture page) {
        assertThat(page.ready()).as("the page finished rendering").isTrue();
        assertThat(page.failed()).as("sections that failed").isNull();
        assertThat(page.consoleErrors()).as("console errors").isEmpty();
        assertThat(page.exceptions()).as("uncaught exceptions").isEmpty();
        assertThat(page.logErrors()).as("browser log errors (blocked loads, CSP)").isEmpty();
        assertThat(page.requests()).as("requests other than the report file itself").allMatch(page.url()::equals);
    }

    private static String text(String selector) throws Exception {
        return chromium.evaluate("(document.querySelector('" + selector + "') || {}).textContent || ''").asText();
    }

    @Test
    void theProbeNoticesConsoleErrorsExceptionsAndRequestsWhenAPageHasThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path page = dir.resolve("noisy.html");
        Files.writeString(page, "<!DOCTYPE html><body><script>console.error('noisy');"
                + "new Image().src = 'http://127.0.0.1:9/nothing.png';"
                + "setTimeout(() => { document.body.setAttribute('data-ready', 'true'); throw new Error('boom'); }, 10);"
                + "</script></body>");

        HeadlessChromium.PageCapture capture = chromium.open(page, dir.resolve("noisy.png"), 200, Duration.ofSeconds(10));

        assertThat(capture.consoleErrors()).singleElement().asString().contains("noisy");
        assertThat(capture.exceptions()).singleElement().asString().contains("boom");
        assertThat(capture.requests()).contains("http://127.0.0.1:9/nothing.png");
    }

    @Test
    void aValidRunShowsItsVerdictPlotsAndTimelineWithoutErrorsOrRequests() throws Exception {
        Result valid = new Result(Validity.TRUE, "all checkers passed", Map.of(
                "linear", Result.valid("linearizable against register (200 ops)"),
                "stats", Result.valid("every f had an ok op").with("by-f", Map.of("read", 133L, "write", 67L))));
        render("valid-run", Histories.validRegister(), valid);

        assertThat(text("#verdict")).isEqualTo("valid");
        assertThat(text("#rerun")).isEqualTo("./faultline test --workload register --seed 7");
        assertThat(chromium.evaluate("document.querySelectorAll('canvas').length").asInt()).isEqualTo(2);
        assertThat(chromium.evaluate("document.querySelectorAll('#timeline-body .op').length").asInt()).isEqualTo(204);
        assertThat(text("#faults-body")).contains("start-partition", "kill [\"n2\"]");
        assertThat(chromium.evaluate("document.getElementById('counterexamples').hidden").asBoolean()).isTrue();
    }

    @Test
    void aLostWriteRunListsEachLostElementWithItsAcknowledgementAndTheFaultsThen() throws Exception {
        History history = Histories.lostWrites();
        render("lost-writes", history, Histories.setAndStats(history));

        assertThat(text("#verdict")).isEqualTo("invalid");
        String lost = text("#lost-table");
        assertThat(lost).contains("70", "0.705 s", "71", "0.715 s", "95", "0.955 s");
        assertThat(lost).contains("start-partition {\"n1\" [\"n2\" \"n3\" \"n4\" \"n5\"]}");
        assertThat(chromium.evaluate("document.querySelectorAll('#lost-table tr').length").asInt()).isEqualTo(4);
    }

    @Test
    void aShrunkRunLinksBackToItsOriginalAndDrawsTheShrunkCounterexampleBesideTheCounterexample() throws Exception {
        History history = Histories.staleRead();
        Result result = Histories.linearizability(history);
        List<io.faultline.core.op.Op> kept = history.stream()
                .filter(o -> !o.isNemesis() && (java.util.Objects.equals(o.value(), 2L) && o.f().equals("write")
                        || o.process() == 1)).toList();
        Path dir = OUT.resolve("shrunk-run").toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        Path file = dir.resolve("report.html");
        Report.write(ReportInput.of("shrunk", Instant.parse("2024-05-01T10:15:30.123Z"),
                Map.of("workload", "register", "seed", 7L, "shrunk-from", OUT.resolve("original").toAbsolutePath().toString()),
                history, result).withDirectory(dir).withShrunk(new ShrunkCounterexample("nil", "register", kept, 10, true,
                "Operations were removed one at a time.")), file);
        HeadlessChromium.PageCapture page = chromium.open(file, SHOTS.resolve("shrunk.png"), 4000, Duration.ofSeconds(30));
        assertRenderedCleanly(page);

        assertThat(chromium.evaluate("document.querySelector('#shrunk-from a').getAttribute('href')").asText())
                .isEqualTo("../original/report.html");
        String shrunk = text("#shrunk-counterexample");
        assertThat(shrunk).contains("Shrunk counterexample", "2 operations", "4 ops of the key's 10", ":write 2", ":read 1");
        assertThat(chromium.evaluate("document.querySelectorAll('#shrunk-counterexample svg > rect').length").asInt()).as("one bar per operation").isEqualTo(2);
        assertThat(text("#counterexamples-body")).contains("model register");
    }

    @Test
    void aNonLinearizableRunDrawsTheCounterexampleWithTheStatesBeforeIt() throws Exception {
        History history = Histories.staleRead();
        Result result = Histories.linearizability(history);
        assertThat(result.valid()).isEqualTo(Validity.FALSE);
        render("non-linearizable", history, result);

        assertThat(text("#verdict")).isEqualTo("invalid");
        assertThat(chromium.evaluate("document.querySelectorAll('#counterexamples-body svg rect').length").asInt())
                .isGreaterThanOrEqualTo(3);
        String drawn = text("#counterexamples-body");
        assertThat(drawn).contains("process 1", ":read 1", "model register", "start-partition");
        assertThat(text("#counterexamples-body .states")).contains("2");
    }

    @Test
    void aLongHistoryOpensWithItsTimelinePagedAndItsPlotsDownsampled() throws Exception {
        int records = Integer.getInteger("faultline.browser.records", 200_000);
        History history = io.faultline.results.bench.SyntheticHistory.generate(records, 10, 5);
        Result result = Result.valid("synthetic");

        long t0 = System.nanoTime();
        HeadlessChromium.PageCapture page = render("long-history", history, result);
        System.out.printf("long-history: %,d records, rendered and opened in %.1f s%n", records, (System.nanoTime() - t0) / 1e9);

        assertThat(page.ready()).isTrue();
        int bars = TimelineData.of(history, HistoryClock.of(history)).size();
        assertThat(text("#tl-pages")).isEqualTo(" of " + String.format(java.util.Locale.ROOT, "%,d", (bars + 399) / 400));
        assertThat(chromium.evaluate("document.querySelectorAll('#timeline-body .op').length").asInt()).isEqualTo(400);
        assertThat(text("#latency-note")).contains("downsampled");
    }

    @Test
    void historyValuesHoldingHtmlShowAsTextAndRunNothing() throws Exception {
        String evil = "</script><img src=x onerror=\"document.body.dataset.pwned=1\"><script>document.body.dataset.pwned=2</script>";
        History history = new Histories.Builder()
                .invoke(0, 0, "write", evil).complete(5, io.faultline.core.op.OpType.OK, 0, "write", evil)
                .invoke(6, 1, "read", null).complete(9, io.faultline.core.op.OpType.OK, 1, "read", "<b>bold</b> & \u2028")
                .build();
        Result result = Result.invalid("unexpected value <i>" + evil, Map.of("lost", List.of(evil), "note", evil));
        render("html-in-values", history, result);

        assertThat(chromium.evaluate("document.body.dataset.pwned === undefined").asBoolean()).isTrue();
        assertThat(chromium.evaluate("document.querySelectorAll('img, b, i').length").asInt()).isZero();
        assertThat(chromium.evaluate("document.scripts.length").asInt()).isEqualTo(4);
        assertThat(text("#summary-body")).contains("unexpected value <i></script><img src=x");
        assertThat(text("#lost-table")).contains("<script>document.body.dataset.pwned=2</script>");
        assertThat(text("#timeline-body")).contains("write \"</script><img src=x", "<b>bold</b> &");
    }
}
