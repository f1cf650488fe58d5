package io.faultline.harness.cli;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.HistoryFormatException;
import io.faultline.core.history.HistoryReader;
import io.faultline.harness.shrink.CounterexampleShrinker;
import io.faultline.harness.shrink.ShrunkCounterexamples;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * {@code faultline analyze}: checks stored or foreign (Jepsen, Knossos) histories against a model.
 * One file prints the verdict, an explanation and the counterexample; several print one line each,
 * {@code FILE<TAB>verdict<TAB>milliseconds<TAB>read-milliseconds} (with {@code --stats} also
 * {@code <TAB>ops<TAB>check-milliseconds<TAB>peak-heap-MB}). The exit code is the worst verdict's, or 254
 * when an input is bad.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Checks histories (Jepsen history.edn, Knossos .edn, JSON lines, .gz) for linearizability or lost writes.")
final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL",
            description = "register, cas-register, multi-register, set, counter or mutex; "
                    + "optional for a run directory, whose workload's checkers are used")
    String model;

    @Option(names = "--independent", description = "values are [key value] tuples; check each key on its own")
    boolean independent;

    @Option(names = "--initial", paramLabel = "EDN", description = "the model's initial value as EDN (default nil)")
    String initial;

    @Option(names = "--knossos", description = "Knossos semantics: a read completing with nil is always legal")
    boolean knossos;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "budget per history; past it the verdict is unknown (default ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--stats", description = "also print, per file, ops, read ms, check ms and peak heap MB")
    boolean stats;

    @Option(names = "--stream", description = "with --independent: split the history by key on disk and check "
            + "the keys in parallel, so that the heap holds a few keys, not the file (chosen by itself for a file "
            + "too large for the heap)")
    boolean stream;

    @Option(names = "--shrink", description = "with --independent and one file: when a key is not linearizable, also print "
            + "the smallest set of its ops still not linearizable (ops removed one at a time while the verdict stays false), "
            + "as a history this command reads")
    boolean shrink;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "history files")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (timeLimitSeconds <= 0) {
            throw new BadInputException("--time-limit must be > 0 seconds, was " + timeLimitSeconds);
        }
        Duration limit = Duration.ofMillis((long) (timeLimitSeconds * 1000));
        PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            if (files.size() != 1 || !Files.isDirectory(files.get(0))) {
                throw new BadInputException("--model is required unless the one argument is a run directory "
                        + "(store/<test>/<time>); models: register, cas-register, multi-register, set, counter, mutex");
            }
            return RunReanalysis.recheck(files.get(0), limit, out);
        }
        if (stream && !independent) throw new BadInputException("--stream splits a history by key: it needs --independent");
        if (shrink && (!independent || stream || files.size() != 1)) {
            throw new BadInputException("--shrink shrinks one invalid key of one history in memory: it needs --independent, "
                    + "one file and no --stream");
        }
        HistoryCheck.Spec check = new HistoryCheck.Spec(model, independent, parseInitial(initial), knossos, limit, stream);
        Analysis.checkerFor(model, independent, check.initial(), knossos, limit); // an unknown model is bad input before reading
        if (files.size() == 1) {
            HistoryCheck done = HistoryCheck.run(historyOf(files.get(0)), check, stats);
            Analysis.render(done.result()).forEach(out::println);
            if (stats) out.println("stats: " + done.stats());
            if (shrink && done.result().valid() == Validity.FALSE) printShrunk(done.result(), historyOf(files.get(0)), check, out);
            out.flush();
            return done.result().valid().exitCode();
        }
        Validity worst = Validity.TRUE;
        boolean badInput = false;
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            long start = System.nanoTime();
            try {
                HistoryCheck done = HistoryCheck.run(historyOf(file), check, stats);
                worst = worst.and(done.result().valid());
                out.println(file + "\t" + done.result().valid().label() + "\t" + (System.nanoTime() - start) / 1_000_000
                        + "\t" + done.readMs() + (stats ? "\t" + done.ops() + "\t" + done.checkMs() + "\t" + done.peakHeapMb() : ""));
            } catch (HistoryFormatException | BadInputException e) {
                badInput = true;
                err.println("faultline: " + e.getMessage());
                out.println(file + "\terror\t" + (System.nanoTime() - start) / 1_000_000 + "\t-" + (stats ? "\t-\t-\t-" : ""));
            }
            out.flush();
        }
        err.flush();
        return badInput ? Faultline.EXIT_BAD_INPUT : worst.exitCode();
    }

    /** The smallest set of the first invalid key's ops still invalid, as EDN lines, under a header line. */
    private static void printShrunk(io.faultline.core.checker.Result result, Path file, HistoryCheck.Spec check, PrintWriter out) {
        String key = ShrunkCounterexamples.firstFalseKey(result);
        if (key == null) return;
        long deadline = System.nanoTime() + check.timeLimit().toNanos();
        CounterexampleShrinker.Shrunk s = CounterexampleShrinker.shrinkWithin(HistoryReader.read(file), key,
                Analysis.checkerFor(check.model(), true, check.initial(), check.knossos(), check.timeLimit()),
                () -> System.nanoTime() > deadline);
        if (s.ops().isEmpty()) {
            out.println("shrunk: key " + key + "'s ops alone are not found invalid (the check may have run out of time)");
            return;
        }
        out.println("shrunk: key " + key + ", " + s.ops().size() + " of its " + s.from() + " ops still not linearizable"
                + (s.minimal() ? " (no single operation can be removed)" : " (not minimal: --time-limit ran out)") + ":");
        CounterexampleShrinker.reindexed(s.ops()).forEach(op -> out.println(EdnOps.toEdn(op)));
    }

    /** The history file of an argument: the file, or a run directory's history.edn. */
    private static Path historyOf(Path file) {
        if (Files.isDirectory(file)) {
            Path history = file.resolve("history.edn");
            if (!Files.exists(history)) {
                throw new BadInputException(file + " is a directory without history.edn: name a history file or a run directory");
            }
            return history;
        }
        return file;
    }

    /** Parses the --initial EDN value; null when absent. */
    static Object parseInitial(String edn) {
        if (edn == null) return null;
        try {
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            Object value = parser.nextValue(Parsers.newParseable(edn));
            if (value == Parser.END_OF_INPUT) throw new BadInputException("--initial is empty: give an EDN value such as 0 or {:x 0}");
            return EdnOps.normalize(value);
        } catch (EdnException e) {
            throw new BadInputException("--initial '" + edn + "' is not EDN: " + e.getMessage(), e);
        }
    }
}
