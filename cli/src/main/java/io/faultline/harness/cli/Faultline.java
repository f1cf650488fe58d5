package io.faultline.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code faultline} command line: the entry point of the launcher script at the repository root.
 *
 * <p>Exit codes (DESIGN.md): 0 valid, 1 invalid, 2 unknown, 254 bad arguments or input, 255 the
 * harness itself failed.
 */
@Command(name = "faultline", mixinStandardHelpOptions = true, version = "faultline 0.1.0",
        description = "A Jepsen-style fault-injection test harness.",
        subcommands = {TestCommand.class, TestAllCommand.class, AnalyzeCommand.class, ServeCommand.class,
                ProxyCommand.class, BenchCommand.class, ClusterCommand.class, FaultCommand.class, LoadCommand.class, ShrinkCommand.class,
                SystemsCommand.class,
                CommandLine.HelpCommand.class})
public final class Faultline implements Runnable {

    /** Bad arguments or input: an unknown option, a malformed history, a missing binary. */
    public static final int EXIT_BAD_INPUT = 254;
    /** The harness itself failed. */
    public static final int EXIT_HARNESS_FAILED = 255;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    /** Builds the command line with Faultline's exit-code conventions. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Faultline());
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setParameterExceptionHandler(ErrorReporter::onParameterError);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
