package io.faultline.harness.cli;

import io.faultline.core.history.HistoryFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and the exit codes of DESIGN.md: bad input
 * (malformed arguments, histories, unknown models) is 254; anything else is a failure of the harness,
 * 255, with the stack trace when {@code FAULTLINE_DEBUG} is set.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (isBadInput(ex)) {
            err.println("faultline: " + ex.getMessage());
            err.flush();
            return Faultline.EXIT_BAD_INPUT;
        }
        err.println("faultline: internal error: " + ex);
        if (System.getenv("FAULTLINE_DEBUG") != null) ex.printStackTrace(err);
        err.flush();
        return Faultline.EXIT_HARNESS_FAILED;
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof BadInputException || ex instanceof HistoryFormatException
                || ex instanceof IllegalArgumentException;
    }

    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("faultline: " + ex.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return Faultline.EXIT_BAD_INPUT;
    }
}
