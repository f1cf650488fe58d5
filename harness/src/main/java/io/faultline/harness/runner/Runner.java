package io.faultline.harness.runner;

import io.faultline.core.checker.Result;
import io.faultline.core.generator.Context;
import io.faultline.core.generator.Scheduler;
import io.faultline.core.history.History;
import io.faultline.core.nemesis.FaultFeed;
import io.faultline.results.store.RunDirectory;
import io.faultline.harness.schedule.ExecutedFaults;
import io.faultline.harness.schedule.FaultScheduleCodec;
import io.faultline.results.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one test: the lifecycle of DESIGN.md. Start the system under test, open a client per thread
 * (and a new one whenever a thread's process ends {@code info}, unless the client is
 * {@link io.faultline.core.client.Reusable}),
 * set up the nemesis, interpret the generator (one worker thread per client thread plus one for the
 * nemesis, every op recorded as it happens; a nemesis that is a {@link FaultFeed} is also followed,
 * and the faults it reports are recorded as they come), then tear down in reverse order, check the history and
 * store the run with its report.
 *
 * <p>{@link #stop()} (called by the Ctrl-C hook) ends the interpretation early: ops in flight get a
 * few seconds to complete, everything is torn down, and what was recorded is still checked and
 * stored. One runner runs one test; not reusable.
 */
public final class Runner {

    /** How long ops in flight may take to complete once the test is over or stopped. */
    static final long DRAIN_MILLIS = 10_000;

    private final TestSpec spec;
    private final PrintStream log;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Progress progress;
    private volatile Interpreter interpreter;

    private Runner(TestSpec spec, PrintStream log) {
        this.spec = spec;
        this.log = log;
    }

    /** A runner for {@code spec} that writes its log and progress to {@code log} (e.g. System.err). */
    public static Runner of(TestSpec spec, PrintStream log) {
        return new Runner(spec, log);
    }

    /** Asks a running test to stop early; returns at once. Thread-safe. */
    public void stop() {
        stopRequested = true;
        Interpreter running = interpreter;
        if (running != null) running.stop();
    }

    /** Waits until {@link #run()} has returned or thrown, at most {@code millis}. */
    public boolean awaitFinished(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the test to the end (or until stopped), checks and stores it.
     *
     * @throws RunFailedException when the system under test cannot start or the harness fails; the
     *                            run directory, when one was made, still holds what was recorded
     */
    public TestOutcome run() {
        try {
            return runAndStore();
        } finally {
            finished.countDown();
        }
    }

    private TestOutcome runAndStore() {
        Store store = Store.open(spec.store());
        RunDirectory run = store.create(spec.name(), Instant.now());
        Map<String, Object> testJson = new LinkedHashMap<>(spec.spec());
        testJson.put("name", spec.name());
        testJson.put("seed", spec.seed());
        testJson.put("concurrency", spec.concurrency());
        if (testJson.get("command-line") instanceof List<?> argv && argv.size() > 1 && "test".equals(argv.get(1))) {
            testJson.put("command-line", replayLine(argv, run.path().resolve(FaultScheduleCodec.FILE)));
        }
        run.writeTestSpec(testJson);
        log.println("faultline: run directory " + run.path());
        Exception failure = null;
        boolean started = false;
        HistoryRecorder recorder;
        try {
            recorder = HistoryRecorder.to(run.historyPath());
        } catch (IOException e) {
            throw new RunFailedException("cannot write the history in " + run.path() + ": " + e.getMessage(), run.path(), e);
        }
        try (Lifecycle life = new Lifecycle(spec, log, run.logsDirectory())) {
            life.startDb();
            started = true;
            List<ProcessClient> clients = life.openClients(spec.concurrency());
            life.setupNemesis();
            long start = System.nanoTime(); // time 0 of the history: the system is up, the clients open
            interpret(recorder, () -> System.nanoTime() - start, clients);
        } catch (Exception e) {
            failure = e;
        } finally {
            if (progress != null) progress.close();
            try {
                recorder.close();
            } catch (IOException e) {
                if (failure == null) failure = e;
            }
        }
        if (!started) {
            throw new RunFailedException(failure == null ? "the system under test did not start"
                    : failure.getMessage(), run.path(), failure);
        }
        History history = recorder.history();
        writeExecutedFaults(run, history);
        log.println("faultline: checking " + history.size() + " ops...");
        Result result = io.faultline.checkers.compose.Checkers.safely(spec.checker(), history);
        if (failure != null) {
            result = new Result(io.faultline.core.checker.Validity.UNKNOWN,
                    "the harness failed during the run: " + failure + "; " + result.explanation(), result.details());
        }
        run.writeResults(result);
        run.writeReport(history, result, shrunkCounterexample(result, history));
        if (failure != null && !(failure instanceof InterruptedException)) {
            throw new RunFailedException("the run failed: " + failure.getMessage() + " (recorded ops are in "
                    + run.path() + ")", run.path(), failure);
        }
        return new TestOutcome(run.path(), history, result, stopRequested);
    }

    /**
     * The rerun line: the arguments as given with {@code --faults} pointing at this run's executed schedule
     * (an earlier {@code --faults} replaced), so that the rerun has the same faults at the same moments; only for
     * {@code faultline test} lines ({@code load}'s faults are made by hand).
     */
    static List<String> replayLine(List<?> argv, java.nio.file.Path faults) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = String.valueOf(argv.get(i));
            if (a.equals("--faults")) {
                i++;
            } else if (!a.startsWith("--faults=")) {
                out.add(a);
            }
        }
        out.addAll(List.of("--faults", faults.toString()));
        return out;
    }

    /** {@code faults.edn}: the schedule the nemesis executed, from the history (for random schedules too). */
    @SuppressWarnings("unchecked")
    private void writeExecutedFaults(RunDirectory run, History history) {
        Object vocabulary = spec.spec().get("faults");
        if (!(vocabulary instanceof List<?> packages)) return;
        try {
            ExecutedFaults executed = ExecutedFaults.of(history, (List<Map<String, Object>>) packages);
            FaultScheduleCodec.write(run.path().resolve(FaultScheduleCodec.FILE), executed.faults(), executed.did());
        } catch (IOException | RuntimeException e) {
            log.println("faultline: could not write " + FaultScheduleCodec.FILE + ": " + e.getMessage());
        }
    }

    private void interpret(HistoryRecorder recorder, LongSupplier clock, List<ProcessClient> clients) throws Exception {
        progress = Progress.start(log, recorder, spec.timeLimit(), clock);
        Scheduler scheduler = new Scheduler(spec.generator(), spec.concurrency(), spec.seed());
        Interpreter interpreter = new Interpreter(scheduler, recorder, clock, log, progress::fault);
        Map<Integer, Worker> workers = new HashMap<>();
        for (int t = 0; t < clients.size(); t++) {
            workers.put(t, new Worker("faultline-worker-" + t, t, clients.get(t), interpreter, clock));
        }
        workers.put(Context.NEMESIS_THREAD, new Worker("faultline-nemesis", Context.NEMESIS_THREAD,
                spec.nemesis()::invoke, interpreter, clock));
        interpreter.workers(workers);
        this.interpreter = interpreter;
        if (stopRequested) interpreter.stop();
        workers.values().forEach(Worker::start);
        FaultFollower follower = spec.nemesis() instanceof FaultFeed feed ? FaultFollower.start(feed, interpreter, log) : null;
        try {
            interpreter.run(DRAIN_MILLIS);
        } finally {
            try {
                if (follower != null) follower.close();
            } finally {
                for (Worker w : workers.values()) w.stop(1000);
            }
        }
    }

    /**
     * The report's shrunk counterexample of an invalid run (bounded); null when valid, when it cannot be made,
     * or when the run was stopped (Ctrl-C should not wait for it).
     */
    private io.faultline.results.report.ShrunkCounterexample shrunkCounterexample(Result result, History history) {
        if (result.valid() != io.faultline.core.checker.Validity.FALSE || stopRequested) return null;
        try {
            return io.faultline.harness.shrink.ShrunkCounterexamples.of(result, history);
        } catch (RuntimeException e) {
            log.println("faultline: could not shrink the counterexample for the report: " + e);
            return null;
        }
    }
}
