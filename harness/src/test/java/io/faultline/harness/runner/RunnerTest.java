package io.faultline.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.core.generator.Generators;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import io.faultline.workloads.register.RegisterWorkload;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path store;

    private final List<Op> faults = new ArrayList<>();

    private final Nemesis recordingNemesis = new Nemesis() {
        @Override
        public Op invoke(Op op) {
            faults.add(op);
            return op.complete(OpType.INFO, "done");
        }

        @Override
        public Set<String> fs() {
            return Set.of("start-partition", "stop-partition");
        }
    };

    private TestOutcome run(InMemoryRegisters system, Duration length) {
        var gen = Generators.phases(
                Generators.timeLimit(length, Generators.any(
                        Generators.clients(Generators.stagger(Duration.ofMillis(1), RegisterWorkload.generator(50))),
                        Generators.nemesis(Generators.delay(Duration.ofMillis(200), Generators.flipFlop(
                                Generators.repeat(Generators.op(Op.invoke(Op.NEMESIS, "start-partition", "primaries"))),
                                Generators.repeat(Generators.op(Op.invoke(Op.NEMESIS, "stop-partition", null)))))))));
        TestSpec spec = new TestSpec("in-memory", system, system, recordingNemesis, gen,
                RegisterWorkload.checker(Duration.ofSeconds(30)), 4, 7, length, store, Map.of("workload", "register"));
        return Runner.of(spec, new PrintStream(OutputStream.nullOutputStream())).run();
    }

    @Test
    void aLinearizableSystemIsJudgedValid() {
        TestOutcome outcome = run(new InMemoryRegisters(false), Duration.ofSeconds(1));
        assertThat(outcome.result().valid()).as(outcome.result().explanation()).isEqualTo(Validity.TRUE);
        assertThat(outcome.history().size()).isGreaterThan(100);
    }

    @Test
    void staleReadsAreFoundThroughTheWholeRunner() {
        TestOutcome outcome = run(new InMemoryRegisters(true), Duration.ofSeconds(1));
        assertThat(outcome.result().valid()).isEqualTo(Validity.FALSE);
    }

    @Test
    void theHistoryOnDiskIsTheRecordedOneWithDenseIndicesAndMonotonicTimes() {
        TestOutcome outcome = run(new InMemoryRegisters(false), Duration.ofMillis(500));
        Path file = outcome.runDirectory().resolve("history.edn");
        var onDisk = HistoryReader.read(file);
        assertThat(onDisk.asList()).containsExactlyElementsOf(outcome.history().asList());
        long last = -1;
        for (int i = 0; i < onDisk.size(); i++) {
            assertThat(onDisk.get(i).index()).isEqualTo(i);
            assertThat(onDisk.get(i).time()).isGreaterThanOrEqualTo(last);
            last = onDisk.get(i).time();
        }
    }

    @Test
    void faultsAreRecordedAsNemesisInfoOps() {
        TestOutcome outcome = run(new InMemoryRegisters(false), Duration.ofMillis(700));
        assertThat(faults).isNotEmpty();
        assertThat(outcome.history().stream().filter(Op::isNemesis))
                .isNotEmpty()
                .allSatisfy(op -> assertThat(op.type()).isIn(OpType.INVOKE, OpType.INFO));
    }

    @Test
    void theRunIsStoredWithResultsSpecAndReport() {
        TestOutcome outcome = run(new InMemoryRegisters(false), Duration.ofMillis(300));
        for (String f : List.of("history.edn", "results.json", "results.edn", "test.json", "report.html")) {
            assertThat(outcome.runDirectory().resolve(f)).exists();
        }
        assertThat(Files.isSymbolicLink(store.resolve("latest"))).isTrue();
    }

    @Test
    void stoppingEarlyStillChecksAndStoresWhatWasRecorded() throws Exception {
        InMemoryRegisters system = new InMemoryRegisters(false);
        var gen = Generators.clients(Generators.stagger(Duration.ofMillis(1), RegisterWorkload.generator(50)));
        TestSpec spec = new TestSpec("stopped", system, system, recordingNemesis, gen,
                RegisterWorkload.checker(Duration.ofSeconds(30)), 2, 1, Duration.ofHours(1), store, Map.of());
        Runner runner = Runner.of(spec, new PrintStream(OutputStream.nullOutputStream()));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300); // the test's own pacing, not the runner's logic
            } catch (InterruptedException ignored) {
                return;
            }
            runner.stop();
        });
        stopper.start();
        TestOutcome outcome = runner.run();
        stopper.join();
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.result().valid()).isEqualTo(Validity.TRUE);
        assertThat(outcome.runDirectory().resolve("report.html")).exists();
    }
}
