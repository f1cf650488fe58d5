package io.faultline.harness.cli;

import io.faultline.harness.control.BackgroundLauncher;
import io.faultline.harness.control.ClusterState;
import io.faultline.harness.control.ControlClient;
import io.faultline.harness.control.ControlRefusal;
import io.faultline.harness.control.DaemonOptions;
import io.faultline.harness.control.ForegroundDaemon;
import io.faultline.harness.control.StateFile;
import io.faultline.harness.control.StatusTable;
import io.faultline.core.db.DbStartException;
import io.faultline.core.system.TestSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline cluster up|status|down|write|read}: a cluster that stays up between commands,
 * for experiments by hand. {@code up} starts a background daemon (the cluster, the fault proxy on
 * every link, a control endpoint on 127.0.0.1) and writes a state file through which the other
 * commands (and {@code faultline fault}, {@code faultline load}) find it. Exit 254 with one line when
 * no cluster is running or an argument is wrong.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Starts, inspects and stops a cluster that stays up between commands.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Status.class, ClusterCommand.Down.class,
                ClusterCommand.Write.class, ClusterCommand.Read.class})
final class ClusterCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required: up, status, down, write or read");
    }

    /** The {@code --state DIR} option every command that finds the cluster takes. */
    static final class StateOption {
        @Option(names = "--state", defaultValue = ".faultline",
                description = "the directory of the cluster's state file and log (default ${DEFAULT-VALUE})")
        Path directory;

        StateFile file() {
            return StateFile.in(directory);
        }

        ControlClient connect() {
            return ControlClient.connect(file());
        }
    }

    /** Runs {@code body}, turning the control's refusals into bad input (exit 254). */
    static int refusalsAsBadInput(Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (ControlRefusal e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Starts the cluster in the background (or in the foreground) and prints its status.",
            footer = "%nThe system's own options follow (for redis-zk: --nodes, --groups, --zookeepers, --session-timeout, "
                    + "--replication, --on-lease-loss, --redis-binary); 'faultline systems' lists them.")
    static final class Up implements Callable<Integer> {
        @Mixin StateOption state;
        @Option(names = "--system", defaultValue = io.faultline.harness.plan.TestOptionsBuilder.DEFAULT_SYSTEM,
                description = "the system under test (default ${DEFAULT-VALUE}); 'faultline systems' lists them")
        String system;
        @Option(names = "--runtime", description = "one of the system's runtimes, e.g. local or docker (default: its first, local)")
        String runtime;
        /** The system's own options (for redis-zk --nodes, --groups, --zookeepers, --session-timeout, ...). */
        @CommandLine.Unmatched
        List<String> systemArgs = new ArrayList<>();
        @Option(names = "--foreground", description = "run in this process until 'faultline cluster down' or Ctrl-C")
        boolean foreground;
        @Option(names = "--start-timeout", defaultValue = "120", description = "seconds to wait for the cluster to serve (default ${DEFAULT-VALUE})")
        long startTimeoutS;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return refusalsAsBadInput(() -> {
                TestSystem sys = SystemArgs.system(system);
                DaemonOptions options = new DaemonOptions(sys, runtime != null ? runtime : sys.runtimes().get(0),
                        SystemArgs.parse(sys, systemArgs, Map.of()));
                PrintWriter out = spec.commandLine().getOut();
                if (foreground) return foreground(options, out);
                if (startTimeoutS < 1) throw new BadInputException("--start-timeout must be >= 1 s, was " + startTimeoutS);
                ClusterState s = BackgroundLauncher.launch(options, state.file(), Duration.ofSeconds(startTimeoutS), System.err);
                out.println("cluster up: daemon pid " + s.pid() + ", control " + s.controlUrl() + ", state "
                        + state.file().path() + ", log " + s.log());
                StatusTable.render(state.connect().status()).forEach(out::println);
                out.flush();
                return 0;
            });
        }

        private int foreground(DaemonOptions options, PrintWriter out) throws Exception {
            try {
                ForegroundDaemon.run(options, state.file(), System.err, s -> {
                    out.println("cluster up: daemon pid " + s.pid() + ", control " + s.controlUrl() + " (Ctrl-C or 'faultline cluster down' stops it)");
                    StatusTable.render(ControlClient.connect(state.file()).status()).forEach(out::println);
                    out.flush();
                });
                return 0;
            } catch (DbStartException e) {
                throw new BadInputException(e.getMessage().lines().findFirst().orElse("the cluster did not start"), e);
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Nodes, roles, leases, replication offsets, cut links, paused and dead nodes.")
    static final class Status implements Callable<Integer> {
        @Mixin StateOption state;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return refusalsAsBadInput(() -> {
                PrintWriter out = spec.commandLine().getOut();
                StatusTable.render(state.connect().status()).forEach(out::println);
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the cluster and everything it started.")
    static final class Down implements Callable<Integer> {
        @Mixin StateOption state;
        @Option(names = "--timeout", defaultValue = "60", description = "seconds to wait for the daemon to exit before killing it (default ${DEFAULT-VALUE})")
        long timeoutS;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return refusalsAsBadInput(() -> {
                ControlClient client = state.connect();
                long pid = client.state().pid();
                String how = "stopped";
                try {
                    client.down();
                } catch (ControlRefusal notAnswering) {
                    how = "terminated (its control endpoint did not answer)";
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                }
                if (!exited(pid, Duration.ofSeconds(timeoutS))) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                    how = "terminated (it did not stop within " + timeoutS + " s)";
                    if (!exited(pid, Duration.ofSeconds(20))) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                        how = "killed (it did not stop on SIGTERM)";
                    }
                }
                state.file().delete();
                PrintWriter out = spec.commandLine().getOut();
                out.println("cluster down: " + how + " the daemon (pid " + pid + ") and everything it ran; removed "
                        + state.file().path());
                out.flush();
                return 0;
            });
        }

        private static boolean exited(long pid, Duration timeout) throws Exception {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty()) return true;
            try {
                p.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return !p.get().isAlive();
            }
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true,
            description = "Writes KEY = VALUE through the system's client (to the lease holder), or straight to --node.%n"
                    + "Exits 0 when the write was acknowledged, 1 when it was not.")
    static final class Write implements Callable<Integer> {
        @Mixin StateOption state;
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "VALUE") String value;
        @Option(names = "--node", description = "write straight to this node's Redis, whatever its role") String node;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return refusalsAsBadInput(() -> print(spec, state.connect().write(key, value, node)));
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Reads KEY on every node (one line each), or on --node.%n"
                    + "Exits 0 when every node answered, 1 otherwise.")
    static final class Read implements Callable<Integer> {
        @Mixin StateOption state;
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Option(names = "--node", description = "read only this node's Redis") String node;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return refusalsAsBadInput(() -> print(spec, state.connect().read(key, node)));
        }
    }

    private static int print(CommandLine.Model.CommandSpec spec, ControlClient.Reply reply) {
        PrintWriter out = spec.commandLine().getOut();
        reply.lines().forEach(out::println);
        out.flush();
        return reply.ok() ? 0 : 1;
    }
}
