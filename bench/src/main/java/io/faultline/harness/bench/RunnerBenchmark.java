package io.faultline.harness.bench;

import io.faultline.core.client.Client;
import io.faultline.core.generator.Context;
import io.faultline.core.generator.GenResult;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.op.Op;
import io.faultline.harness.runner.Runner;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.harness.runner.TestSpec;
import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.rediszk.RedisZkSystem;
import io.faultline.workloads.register.RegisterWorkload;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runner's overhead: ops/s of the register workload through the runner (generator, worker
 * threads, history recording to disk) against the same client calls in a bare loop, at the same
 * concurrency, without faults, on one local cluster; and the history's memory per op.
 *
 * <p>Run with {@code ./faultline bench runner [SECONDS [CONCURRENCY [ROUNDS]]]}: after a warm-up of
 * each, bare and runner rounds alternate, and the median overhead over the rounds is the figure.
 */
public final class RunnerBenchmark {

    private RunnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        run(Duration.ofSeconds(seconds), concurrency, rounds, System.out);
        System.exit(0); // the embedded ZooKeeper leaves a non-daemon thread behind
    }

    static void run(Duration length, int concurrency, int rounds, PrintStream out) throws Exception {
        TestSystem system = new RedisZkSystem();
        SystemOptions options = SystemOptions.of(system, java.util.Map.of("nodes", "3"));
        Path store = Files.createTempDirectory("faultline-bench-store");
        try (Db db = system.db(options, "local", LinkRouter.direct())) {
            db.setup();
            Client prototype = system.workload("register", options, db).client();
            try {
                Duration warmUp = Duration.ofSeconds(2);
                bareLoop(prototype, warmUp, concurrency);
                throughRunner(db, prototype, warmUp, concurrency, Files.createTempDirectory("faultline-bench-warmup"));
                List<Double> overheads = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    System.gc(); // the last round's history is garbage now: collect it outside the timed windows
                    double bare = bareLoop(prototype, length, concurrency);
                    System.gc();
                    double runner = throughRunner(db, prototype, length, concurrency, store);
                    overheads.add(100 * (1 - runner / bare));
                    out.printf("round %d: bare loop %8.0f ops/s, runner %8.0f ops/s, overhead %5.1f %% (%d threads, %s)%n",
                            r, bare, runner, overheads.get(overheads.size() - 1), concurrency, length);
                }
                List<Double> sorted = overheads.stream().sorted().toList();
                out.printf("RESULT runner overhead: median %.1f %% over %d rounds %s%n", sorted.get(sorted.size() / 2),
                        rounds, sorted.stream().map(d -> String.format("%.1f%%", d)).toList());
            } finally {
                prototype.close();
            }
        }
        memoryPerOp(store, out);
    }

    private static double bareLoop(Client prototype, Duration length, int concurrency) throws Exception {
        LongAdder ops = new LongAdder();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Client c = prototype.open("n1");
            int process = t;
            Thread th = new Thread(() -> {
                // the same ops as through the runner: the generator forks its randomness by op number
                Generator gen = RegisterWorkload.generator(200);
                Context ctx = Context.initial(1, process);
                while (System.nanoTime() < end) {
                    GenResult r = gen.op(ctx);
                    if (!(r instanceof GenResult.Emit e)) break;
                    try {
                        c.invoke(e.op());
                    } catch (Exception ex) {
                        // counted like any other op
                    }
                    gen = e.next();
                    ops.increment();
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        return ops.sum() / (length.toNanos() / 1e9);
    }

    private static double throughRunner(Db db, Client prototype, Duration length, int concurrency, Path store) {
        Nemesis none = new Nemesis() {
            @Override
            public Op invoke(Op op) {
                throw new IllegalArgumentException("no faults in this benchmark");
            }

            @Override
            public Set<String> fs() {
                return Set.of();
            }
        };
        Workload w = RegisterWorkload.create(200, Duration.ofMinutes(1), prototype);
        Generator gen = Generators.timeLimit(length, Generators.clients(w.generator()));
        TestSpec spec = new TestSpec("bench-runner", new AlreadyUp(db), new Unclosed(prototype), none, gen, h -> io.faultline.core.checker.Result.valid("not checked"),
                concurrency, 1, length, store, Map.of());
        TestOutcome outcome = Runner.of(spec, new PrintStream(java.io.OutputStream.nullOutputStream())).run();
        long invocations = outcome.history().stream().filter(Op::isInvoke).count();
        return invocations / (length.toNanos() / 1e9);
    }

    private static void memoryPerOp(Path store, PrintStream out) throws Exception {
        Path history;
        try (var files = Files.walk(store)) {
            history = files.filter(p -> p.getFileName().toString().equals("history.edn")).findFirst().orElseThrow();
        }
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        History h = HistoryReader.read(history);
        long after = usedAfterGc(rt);
        out.printf("RESULT history memory: %d ops, %.0f bytes per op in memory%n", h.size(), (after - before) / (double) h.size());
    }

    private static long usedAfterGc(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The benchmark's cluster, already up: the runner neither starts nor stops it. */
    private record AlreadyUp(Db db) implements io.faultline.core.db.Db {
        @Override
        public List<String> nodes() {
            return db.nodes();
        }

        @Override
        public void setup() {
        }

        @Override
        public void close() {
        }
    }

    /** The benchmark's client prototype: the runner may not close the shared connection. */
    private record Unclosed(Client prototype) implements Client {
        @Override
        public Client open(String node) throws Exception {
            return prototype.open(node);
        }

        @Override
        public Op invoke(Op op) throws Exception {
            return prototype.invoke(op);
        }

        @Override
        public void close() {
        }
    }
}
