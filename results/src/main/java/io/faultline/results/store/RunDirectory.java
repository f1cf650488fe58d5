package io.faultline.results.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.faultline.core.checker.Result;
import io.faultline.core.history.History;
import io.faultline.results.codec.ResultCodec;
import io.faultline.results.report.Report;
import io.faultline.results.report.ReportInput;
import io.faultline.results.report.ReportModel;
import io.faultline.results.report.ShrunkCounterexample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run's directory in the store: {@code history.edn}, {@code results.json}, {@code results.edn},
 * {@code test.json}, {@code logs/}, {@code report.html} and {@code summary.json} (the figures the index shows).
 *
 * <p>Files other than the history are written whole to a temporary sibling and moved into place, so a
 * reader sees the old or the new file, never half of one. Not thread-safe for concurrent writers of the
 * same file.
 */
public final class RunDirectory {

    public static final String HISTORY = "history.edn";
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_EDN = "results.edn";
    public static final String TEST_SPEC = "test.json";
    public static final String REPORT = "report.html";
    public static final String SUMMARY = "summary.json";
    public static final String LOGS = "logs";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final String testName;
    private final Instant start;

    RunDirectory(Path dir, String testName, Instant start) {
        this.dir = dir;
        this.testName = testName;
        this.start = start;
    }

    /**
     * A run directory that exists, e.g. the argument of {@code faultline analyze RUN_DIR}. The test name is
     * the parent directory's name; the start time is parsed from the directory name, or is the directory's
     * modification time when the name is not a store time.
     *
     * @throws IllegalArgumentException naming the path when it is not a directory
     */
    public static RunDirectory open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("run directory " + dir + " does not exist", e);
        }
        if (!Files.isDirectory(real)) throw new IllegalArgumentException("run directory " + dir + " is not a directory");
        Instant start = Store.parseTime(real).orElseGet(() -> modified(real));
        Path parent = real.getParent();
        String test = parent == null ? real.getFileName().toString() : parent.getFileName().toString();
        return new RunDirectory(real, test, start);
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    public Path path() {
        return dir;
    }

    public String testName() {
        return testName;
    }

    public Instant start() {
        return start;
    }

    /** Where the runner appends the history ({@code history.edn}). */
    public Path historyPath() {
        return dir.resolve(HISTORY);
    }

    /** The directory for the nodes' logs, created if needed. */
    public Path logsDirectory() {
        Path logs = dir.resolve(LOGS);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        return logs;
    }

    public Path reportPath() {
        return dir.resolve(REPORT);
    }

    /**
     * Writes {@code test.json}: the full spec (workload, nemesis, options, seed, and ideally
     * {@code "command-line"}, the argument list that reruns it). Values are plain data as in results.
     */
    public void writeTestSpec(Map<String, Object> spec) {
        Objects.requireNonNull(spec, "spec");
        writeAtomically(TEST_SPEC, pretty(ResultCodec.valueToJson(spec)));
    }

    /** The spec of {@code test.json}, as plain JSON data; empty when the file is missing. */
    public Map<String, Object> readTestSpec() {
        Path file = dir.resolve(TEST_SPEC);
        if (!Files.isRegularFile(file)) return Map.of();
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test spec " + file, e);
        }
    }

    /** Writes {@code results.json} and the Jepsen-readable {@code results.edn}. */
    public void writeResults(Result result) {
        Objects.requireNonNull(result, "result");
        writeAtomically(RESULTS_JSON, pretty(ResultCodec.toJson(result)));
        writeAtomically(RESULTS_EDN, ResultCodec.toEdn(result) + "\n");
    }

    /** The result of {@code results.json} (details as plain data), or empty when there is none yet. */
    public Optional<Result> readResults() {
        Path file = dir.resolve(RESULTS_JSON);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(ResultCodec.fromJson(JSON.readTree(file.toFile())));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the results " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders {@code report.html} for this run (spec from {@code test.json}) and writes {@code summary.json}.
     *
     * @return the report's path
     */
    public Path writeReport(History history, Result result) {
        return writeReport(history, result, null);
    }

    /**
     * Renders {@code report.html} with a shrunk counterexample drawn beside the counterexample (null: none),
     * and writes {@code summary.json}.
     *
     * @return the report's path
     */
    public Path writeReport(History history, Result result, ShrunkCounterexample shrunk) {
        ReportInput input = ReportInput.of(testName, start, readTestSpec(), history, result).withDirectory(dir).withShrunk(shrunk);
        ReportModel model = Report.write(input, reportPath());
        writeAtomically(SUMMARY, pretty(JSON.valueToTree(RunSummary.of(this, model))));
        return reportPath();
    }

    /**
     * What the index shows about this run: from {@code summary.json} when a report was written, else the
     * verdict of {@code results.json} alone, else a run without verdict (running, or the harness died).
     */
    public RunSummary summary() {
        Path file = dir.resolve(SUMMARY);
        try {
            if (Files.isRegularFile(file)) {
                RunSummary stored = JSON.readValue(file.toFile(), RunSummary.class);
                return stored.at(this);
            }
        } catch (IOException e) {
            // fall through to the results
        }
        Optional<Result> result;
        try {
            result = readResults();
        } catch (IllegalStateException e) {
            result = Optional.empty();
        }
        return RunSummary.withoutReport(this, result.map(Result::valid).orElse(null));
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAtomically(String name, String text) {
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            moveIntoPlace(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Moves a finished temporary file over its target, atomically where the file system can. */
    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
