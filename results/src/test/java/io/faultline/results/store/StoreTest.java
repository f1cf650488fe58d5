package io.faultline.results.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryWriter;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path root;

    private static final Instant START = Instant.parse("2024-01-31T14:25:01.042Z");

    @Test
    void createsARunDirectoryNamedByTestAndTimeAndPointsLatestAtIt() throws Exception {
        Store store = Store.open(root, ZoneOffset.UTC);

        RunDirectory run = store.create("register", START);

        assertThat(run.path()).isEqualTo(root.resolve("register/20240131T142501.042"));
        assertThat(run.logsDirectory()).isDirectory();
        assertThat(run.historyPath()).isEqualTo(run.path().resolve("history.edn"));
        assertThat(root.resolve("latest").toRealPath()).isEqualTo(run.path().toRealPath());
        assertThat(Files.readSymbolicLink(root.resolve("latest"))).isEqualTo(Path.of("register/20240131T142501.042"));
        assertThat(root.resolve("register/latest").toRealPath()).isEqualTo(run.path().toRealPath());
    }

    @Test
    void givesTwoRunsOfTheSameMillisecondTheirOwnDirectories() {
        Store store = Store.open(root, ZoneOffset.UTC);

        RunDirectory first = store.create("set", START);
        RunDirectory second = store.create("set", START);

        assertThat(second.path().getFileName().toString()).isEqualTo("20240131T142501.043");
        assertThat(first.path()).isNotEqualTo(second.path());
    }

    @Test
    void refusesTestNamesThatAreNotOneSafeDirectoryNameAndSaysWhichName() {
        Store store = Store.open(root, ZoneOffset.UTC);

        for (String bad : List.of("../etc", "a/b", "", ".hidden", "latest", "with space")) {
            assertThatThrownBy(() -> store.create(bad, START)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + bad + "\"");
        }
    }

    @Test
    void keepsResultsAsJsonAndJepsenEdnAndReadsThemBack() throws Exception {
        RunDirectory run = Store.open(root, ZoneOffset.UTC).create("set", START);
        assertThat(run.readResults()).isEmpty();

        run.writeResults(Result.invalid("2 lost", Map.of("lost", List.of(1L, 2L))));

        assertThat(Files.readString(run.path().resolve("results.edn")))
                .isEqualTo("{:valid? false, :explanation \"2 lost\", :lost [1 2]}\n");
        Result back = run.readResults().orElseThrow();
        assertThat(back.valid()).isEqualTo(Validity.FALSE);
        assertThat(back.details()).containsEntry("lost", List.of(1L, 2L));
    }

    @Test
    void keepsTheTestSpecWithItsSeed() {
        RunDirectory run = Store.open(root, ZoneOffset.UTC).create("set", START);

        run.writeTestSpec(Map.of("seed", 42L, "nemesis", List.of("partition", "kill")));

        assertThat(run.readTestSpec()).containsEntry("seed", 42).containsEntry("nemesis", List.of("partition", "kill"));
    }

    @Test
    void listsRunsNewestFirstWithTheFiguresOfTheirReports() throws Exception {
        Store store = Store.open(root, ZoneOffset.UTC);
        RunDirectory old = store.create("register", START);
        RunDirectory running = store.create("set", START.plusSeconds(60));
        RunDirectory newest = store.create("register", START.plusSeconds(120));
        History history = History.of(List.of(
                new Op(-1, 0, OpType.INVOKE, 0, "write", 1L, null, Map.of()),
                new Op(-1, 5_000_000, OpType.OK, 0, "write", 1L, null, Map.of())));
        HistoryWriter.writeEdn(history, newest.historyPath());
        newest.writeResults(Result.valid("fine"));
        newest.writeReport(history, Result.valid("fine"));
        old.writeResults(Result.unknown("timed out"));

        List<RunDirectory> runs = store.runs();

        assertThat(runs).extracting(RunDirectory::path).containsExactly(newest.path(), running.path(), old.path());
        assertThat(newest.reportPath()).isRegularFile();
        RunSummary summary = runs.get(0).summary();
        assertThat(summary.verdict()).isEqualTo("true");
        assertThat(summary.ops()).isEqualTo(2);
        assertThat(summary.ok()).isEqualTo(1);
        assertThat(summary.path()).isEqualTo("register/" + newest.path().getFileName());
        assertThat(runs.get(1).summary().verdict()).isEqualTo("none");
        assertThat(runs.get(2).summary().verdict()).isEqualTo("unknown");
    }

    @Test
    void opensAnExistingRunDirectoryForAnalysis() {
        RunDirectory created = Store.open(root).create("register", START);

        RunDirectory opened = RunDirectory.open(created.path());

        assertThat(opened.testName()).isEqualTo("register");
        assertThat(opened.start()).isEqualTo(START);
        assertThatThrownBy(() -> RunDirectory.open(root.resolve("nothing-here")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing-here");
    }
}
