package io.faultline.harness.cli;

import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import io.faultline.core.system.TestSystem;
import io.faultline.harness.plan.FaultPackages;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code faultline systems}: the systems under test on the class path (found with
 * {@link java.util.ServiceLoader}), each with its runtimes, workloads, extra hosts and options.
 */
@Command(name = "systems", mixinStandardHelpOptions = true,
        description = "Lists the systems under test 'faultline test --system NAME' can run, with their options and workloads.")
final class SystemsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (TestSystem s : Systems.load().all()) {
            SystemOptions defaults = SystemOptions.of(s, Map.of());
            out.println(s.name() + (s.name().equals(io.faultline.harness.plan.TestOptionsBuilder.DEFAULT_SYSTEM) ? " (default)" : "")
                    + ": " + s.description());
            out.println("  runtimes:  " + String.join(", ", s.runtimes()));
            out.println("  workloads: " + String.join(", ", s.workloads()));
            out.println("  hosts a partition may cut besides the nodes: "
                    + (s.extraHosts(defaults).isEmpty() ? "none" : String.join(", ", s.extraHosts(defaults)) + " (by default)"));
            out.println("  options:");
            for (SystemOption o : s.options()) out.println("    " + o.usage());
        }
        out.println("faults (--nemesis): " + String.join(", ", FaultPackages.NAMES));
        out.flush();
        return 0;
    }
}
