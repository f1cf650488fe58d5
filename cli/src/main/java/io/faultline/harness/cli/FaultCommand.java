package io.faultline.harness.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline fault partition SPEC|heal|kill N|restart N|pause N|resume N|latency D [LINK]}:
 * faults by hand on the cluster of {@code faultline cluster up}. Each prints what it did; a
 * malformed grudge, an unknown node or no running cluster is one line and exit 254.
 */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Injects or heals a fault in the cluster that 'faultline cluster up' started.",
        subcommands = {FaultCommand.Partition.class, FaultCommand.Heal.class, FaultCommand.Kill.class,
                FaultCommand.Restart.class, FaultCommand.Pause.class, FaultCommand.Resume.class,
                FaultCommand.Latency.class})
final class FaultCommand implements Runnable {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a sub-command is required: partition, heal, kill, restart, pause, resume or latency");
    }

    /** Sends one fault to the daemon and prints what it did. */
    abstract static class FaultAction implements Callable<Integer> {
        @Mixin ClusterCommand.StateOption state;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String action();

        abstract Map<String, Object> fields();

        @Override
        public Integer call() throws Exception {
            return ClusterCommand.refusalsAsBadInput(() -> {
                String done = state.connect().fault(action(), fields());
                PrintWriter out = spec.commandLine().getOut();
                out.println(done);
                out.flush();
                return 0;
            });
        }
    }

    /** A fault on one node. */
    abstract static class NodeAction extends FaultAction {
        @Parameters(index = "0", paramLabel = "NODE", description = "e.g. n3") String node;

        @Override
        Map<String, Object> fields() {
            return Map.of("node", node);
        }
    }

    @Command(name = "partition", mixinStandardHelpOptions = true,
            description = "Cuts the network: isolate NODE[,NODE], zk NODE, halves, random-halves, majorities-ring, "
                    + "bridge, primaries, one, or components like n1,n2|n3,n4,n5. Replaces the partition in effect.")
    static final class Partition extends FaultAction {
        @Parameters(arity = "1..*", paramLabel = "SPEC", description = "the grudge spec, e.g. isolate n1") List<String> words;

        @Override
        String action() {
            return "partition";
        }

        @Override
        Map<String, Object> fields() {
            return Map.of("spec", String.join(" ", words));
        }
    }

    @Command(name = "heal", mixinStandardHelpOptions = true, description = "Heals every partition and removes latency.")
    static final class Heal extends FaultAction {
        @Override
        String action() {
            return "heal";
        }

        @Override
        Map<String, Object> fields() {
            return Map.of();
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "kill -9 a node's Redis and lease agent.")
    static final class Kill extends NodeAction {
        @Override
        String action() {
            return "kill";
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Kills a node with kill -9 (if it runs) and starts it again.")
    static final class Restart extends NodeAction {
        @Override
        String action() {
            return "restart";
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "SIGSTOP a node's Redis and lease agent.")
    static final class Pause extends NodeAction {
        @Override
        String action() {
            return "pause";
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "SIGCONT a paused node.")
    static final class Resume extends NodeAction {
        @Override
        String action() {
            return "resume";
        }
    }

    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Adds latency both ways on every link, or on the links between the ends of LINK (n1-n2, n1-zk1); "
                    + "0 removes it. Replaces latency in effect.")
    static final class Latency extends FaultAction {
        @Parameters(index = "0", paramLabel = "DURATION", description = "e.g. 200ms, 1s") String duration;
        @Parameters(index = "1", arity = "0..1", paramLabel = "LINK", description = "e.g. n1-n2") String link;

        @Override
        String action() {
            return "latency";
        }

        @Override
        Map<String, Object> fields() {
            Map<String, Object> f = new HashMap<>();
            f.put("latencyMs", parseDuration(duration).toMillis());
            f.put("link", link);
            return f;
        }
    }

    /** {@code 200ms}, {@code 1s} or {@code 150} (milliseconds). */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) throw new BadInputException("bad duration '" + text + "': expected a duration like 200ms or 1s");
        long n = Long.parseLong(m.group(1));
        return "s".equals(m.group(2)) ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }
}
