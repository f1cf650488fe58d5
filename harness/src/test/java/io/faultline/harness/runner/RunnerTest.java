package io.faultline.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.core.checker.Validity;
import io.faultline.core.generator.Generators;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.nemesis.FaultFeed;
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

    /** A nemesis whose faults are made elsewhere: reports {@code script}'s faults at the polls they are keyed by. */
    private static final class ScriptedFeed implements Nemesis, FaultFeed {
        private final Map<Integer, List<FaultFeed.Fault>> script;
        private final Duration invokeTakes;
        private int polls;

        ScriptedFeed(Map<Integer, List<FaultFeed.Fault>> script, Duration invokeTakes) {
            this.script = script;
            this.invokeTakes = invokeTakes;
        }

        @Override
        public synchronized List<FaultFeed.Fault> poll() {
            polls++;
            return script.getOrDefault(polls, script.getOrDefault(0, List.of()));
        }

        @Override
        public Op invoke(Op op) throws InterruptedException {
            Thread.sleep(invokeTakes.toMillis()); // the fake fault's own duration
            return op.complete(OpType.INFO, "done");
        }

        @Override
        public Set<String> fs() {
            return Set.of("start-partition", "stop-partition");
        }
    }

    @Test
    void faultsAFeedReportsAreRecordedAsNemesisInfoPairsInTheOrderReported() {
        InMemoryRegisters system = new InMemoryRegisters(false);
        ScriptedFeed feed = new ScriptedFeed(Map.of(
                1, List.of(new FaultFeed.Fault("pause", "n2")),
                3, List.of(new FaultFeed.Fault("resume", "n2"), new FaultFeed.Fault("start-partition", "n1 | n2 n3"))),
                Duration.ZERO);
        var gen = Generators.timeLimit(Duration.ofMillis(600),
                Generators.clients(Generators.stagger(Duration.ofMillis(1), RegisterWorkload.generator(50))));
        TestSpec spec = new TestSpec("fed", system, system, feed, gen, RegisterWorkload.checker(Duration.ofSeconds(30)),
                2, 3, Duration.ofMillis(600), store, Map.of());

        TestOutcome outcome = Runner.of(spec, new PrintStream(OutputStream.nullOutputStream())).run();

        List<String> nemesisOps = outcome.history().stream().filter(Op::isNemesis)
                .map(op -> op.type() + " " + op.f() + " " + op.value()).toList();
        assertThat(nemesisOps).containsExactly("INVOKE pause n2", "INFO pause n2", "INVOKE resume n2", "INFO resume n2",
                "INVOKE start-partition n1 | n2 n3", "INFO start-partition n1 | n2 n3");
        assertThat(outcome.result().valid()).isEqualTo(Validity.TRUE);
    }

    @Test
    void reportedFaultsWaitForAScheduledNemesisOpInFlightSoEveryNemesisOpStillPairsUp() {
        ScriptedFeed feed = new ScriptedFeed(Map.of(0, List.of(new FaultFeed.Fault("kill", "n3"))), Duration.ofMillis(60));
        var gen = Generators.timeLimit(Duration.ofMillis(800), Generators.any(
                Generators.clients(Generators.stagger(Duration.ofMillis(1), RegisterWorkload.generator(50))),
                Generators.nemesis(Generators.flipFlop(
                        Generators.repeat(Generators.op(Op.invoke(Op.NEMESIS, "start-partition", "primaries"))),
                        Generators.repeat(Generators.op(Op.invoke(Op.NEMESIS, "stop-partition", null)))))));
        InMemoryRegisters system = new InMemoryRegisters(false);
        TestSpec spec = new TestSpec("fed-and-scheduled", system, system, feed, gen,
                RegisterWorkload.checker(Duration.ofSeconds(30)), 2, 5, Duration.ofMillis(800), store, Map.of());

        TestOutcome outcome = Runner.of(spec, new PrintStream(OutputStream.nullOutputStream())).run();

        var history = outcome.history();
        List<Integer> invocations = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).isNemesis() && history.get(i).type() == OpType.INVOKE) invocations.add(i);
        }
        assertThat(invocations.stream().map(i -> history.get(i).f())).contains("kill", "start-partition", "stop-partition");
        for (int i : invocations) {
            int pair = history.pairPosition(i);
            assertThat(pair).as("completion of nemesis op %s", history.get(i)).isGreaterThan(i);
            assertThat(history.get(pair).f()).isEqualTo(history.get(i).f());
            assertThat(history.get(pair).type()).isEqualTo(OpType.INFO);
        }
    }

    /** Clients over the registers whose writes all end info (they took effect, but the client says unknown). */
    private static final class InfoOnWrites implements io.faultline.core.client.Client {
        final InMemoryRegisters registers;
        final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.Set<Integer> processesPerClient = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicBoolean shared = new java.util.concurrent.atomic.AtomicBoolean();

        InfoOnWrites(InMemoryRegisters registers) {
            this.registers = registers;
        }

        @Override
        public io.faultline.core.client.Client open(String node) {
            opened.incrementAndGet();
            return new io.faultline.core.client.Client() {
                private Integer process;

                @Override
                public io.faultline.core.client.Client open(String n) {
                    throw new AssertionError();
                }

                @Override
                public Op invoke(Op op) {
                    if (process != null && process != op.process()) shared.set(true); // one client served two processes
                    process = op.process();
                    Op done = registers.invoke(op);
                    return op.f().equals("write") ? op.info(null) : done;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public Op invoke(Op op) {
            throw new AssertionError("the prototype is never invoked");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aProcessThatEndsInfoIsFollowedByANewProcessWithANewClient() {
        InMemoryRegisters registers = new InMemoryRegisters(false);
        InfoOnWrites clients = new InfoOnWrites(registers);
        var gen = Generators.timeLimit(Duration.ofMillis(500),
                Generators.clients(Generators.stagger(Duration.ofMillis(1), RegisterWorkload.generator(50))));
        TestSpec spec = new TestSpec("info", registers, clients, recordingNemesis, gen,
                RegisterWorkload.checker(Duration.ofSeconds(30)), 4, 7, Duration.ofMillis(500), store, Map.of());
        TestOutcome outcome = Runner.of(spec, new PrintStream(OutputStream.nullOutputStream())).run();

        long infos = outcome.history().asList().stream().filter(op -> op.type() == OpType.INFO).count();
        assertThat(infos).isGreaterThan(10);
        assertThat(clients.shared).as("a client invoked for two processes").isFalse();
        // the 4 first clients, one for each process after an info (not after the last one of a thread), one for teardown
        assertThat(clients.opened.get()).isBetween((int) infos, (int) infos + 5);
        assertThat(clients.closed.get()).isEqualTo(clients.opened.get());
        // linearizable (stats is false: no write ever ends ok here)
        assertThat(((io.faultline.core.checker.Result) outcome.result().details().get("linear")).valid()).isEqualTo(Validity.TRUE);
    }
}
