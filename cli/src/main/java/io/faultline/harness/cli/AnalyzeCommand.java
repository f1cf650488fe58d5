package io.faultline.harness.cli;

import io.faultline.checkers.Analysis;
import io.faultline.core.checker.Checker;
import io.faultline.core.checker.Result;
import io.faultline.core.checker.Validity;
import io.faultline.core.history.EdnOps;
import io.faultline.core.history.History;
import io.faultline.core.history.HistoryFormatException;
import io.faultline.core.history.HistoryReader;
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
 * {@code FILE<TAB>verdict<TAB>milliseconds}. The exit code is the worst verdict's, or 254 when an input
 * is bad.
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
        Checker checker = Analysis.checkerFor(model, independent, parseInitial(initial), knossos, limit);
        if (files.size() == 1) {
            Path file = files.get(0);
            Result result = checker.check(read(file));
            Analysis.render(result).forEach(out::println);
            out.flush();
            return result.valid().exitCode();
        }
        Validity worst = Validity.TRUE;
        boolean badInput = false;
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            long start = System.nanoTime();
            try {
                Result result = checker.check(read(file));
                worst = worst.and(result.valid());
                out.println(file + "\t" + result.valid().label() + "\t" + (System.nanoTime() - start) / 1_000_000);
            } catch (HistoryFormatException | BadInputException e) {
                badInput = true;
                err.println("faultline: " + e.getMessage());
                out.println(file + "\terror\t" + (System.nanoTime() - start) / 1_000_000);
            }
            out.flush();
        }
        err.flush();
        return badInput ? Faultline.EXIT_BAD_INPUT : worst.exitCode();
    }

    private static History read(Path file) {
        if (Files.isDirectory(file)) {
            Path history = file.resolve("history.edn");
            if (!Files.exists(history)) {
                throw new BadInputException(file + " is a directory without history.edn: name a history file or a run directory");
            }
            return HistoryReader.read(history);
        }
        return HistoryReader.read(file);
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
