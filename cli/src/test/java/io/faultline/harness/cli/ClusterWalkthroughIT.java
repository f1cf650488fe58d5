package io.faultline.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.control.ClusterState;
import io.faultline.harness.control.StateFile;
import io.faultline.core.history.HistoryReader;
import io.faultline.core.op.Op;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README walkthrough, command by command through the CLI: start a cluster (a real background
 * daemon), isolate the master, watch a new one elected, write on both sides, heal, see the old
 * master's acknowledged write lost, record a load run, and stop everything; plus the one-line,
 * exit-254 answers to bad commands. Leaves no process behind.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ClusterWalkthroughIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Pattern LEASE = Pattern.compile("lease g1: (n\\d) \\(epoch (\\d+)\\)");

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    record Run(int exit, String out, String err) {
        String text() {
            return out + err;
        }
    }

    private Run faultline(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--state", dir.resolve(".faultline").toString()));
        if (args[0].equals("load")) all.addAll(List.of("--store", dir.resolve("store").toString()));
        CommandLine cl = Faultline.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs the command until its output satisfies {@code done}, up to the deadline; returns the last run. */
    private Run until(Predicate<Run> done, String... args) {
        long end = System.nanoTime() + SETTLE.toNanos();
        Run run = faultline(args);
        while (!done.test(run) && System.nanoTime() < end) {
            LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
            run = faultline(args);
        }
        return run;
    }

    private static String leaseHolder(Run status) {
        Matcher m = LEASE.matcher(status.out());
        return m.find() ? m.group(1) : null;
    }

    /** One master, the lease holder, and every other node its replica with the link up. */
    private static boolean settled(Run status) {
        String holder = leaseHolder(status);
        if (holder == null || !row(status, holder).contains("master")) return false;
        Pattern replica = Pattern.compile("\\s+running\\s+replica\\s+" + holder + "\\s+up\\s");
        return status.out().lines().filter(l -> l.matches("n\\d+\\s.*") && !l.startsWith(holder + " "))
                .allMatch(l -> replica.matcher(l).find());
    }

    private static String row(Run status, String node) {
        return status.out().lines().filter(l -> l.startsWith(node + " ")).findFirst().orElse("");
    }

    @Test
    void theReadmeWalkthroughShowsTheIsolatedMastersAcknowledgedWriteLostAfterTheHeal() throws Exception {
        Run none = faultline("cluster", "status");
        assertThat(none.exit()).isEqualTo(254);
        assertThat(none.err()).startsWith("faultline: no cluster is running (state file ").contains("faultline cluster up");

        Run up = faultline("cluster", "up", "--replication", "async", "--on-lease-loss", "keep");
        assertThat(up.exit()).as(up.text()).isZero();
        ClusterState state = StateFile.in(dir.resolve(".faultline")).read().orElseThrow();
        ProcessHandle daemon = ProcessHandle.of(state.pid()).orElseThrow();
        started.add(daemon);
        daemon.descendants().forEach(started::add);
        assertThat(daemon.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(up.out()).contains("cluster up: daemon pid " + state.pid()).contains("async replication, keep on lease loss");
        assertThat(leaseHolder(up)).as(up.out()).isNotNull();

        Run before = faultline("cluster", "write", "x", "before");
        assertThat(before.exit()).as(before.text()).isZero();
        assertThat(before.out()).contains("OK x = before").contains("via the client, to the lease holder");

        Run settledUp = until(ClusterWalkthroughIT::settled, "cluster", "status");
        assertThat(settled(settledUp)).as("one master, holding the lease, followed by all: %s", settledUp.out()).isTrue();
        String oldMaster = leaseHolder(settledUp);

        Run cut = faultline("fault", "partition", "isolate", oldMaster);
        assertThat(cut.exit()).as(cut.text()).isZero();
        assertThat(cut.out()).startsWith("partitioned: isolate " + oldMaster).contains(oldMaster + "-zk1");

        Run elected = until(r -> leaseHolder(r) != null && !leaseHolder(r).equals(oldMaster), "cluster", "status");
        String newMaster = leaseHolder(elected);
        assertThat(newMaster).as(elected.out()).isNotNull().isNotEqualTo(oldMaster);
        assertThat(row(elected, newMaster)).contains("master");
        assertThat(row(elected, oldMaster)).as("keep: the isolated old master still serves as master").contains("master");
        assertThat(elected.out()).contains("partition: isolate " + oldMaster).contains("cut links: ");

        Run oldSide = faultline("cluster", "write", "x", "old-side", "--node", oldMaster);
        assertThat(oldSide.exit()).as(oldSide.text()).isZero();
        assertThat(oldSide.out()).contains(oldMaster + " (master): OK x = old-side");
        Run newSide = faultline("cluster", "write", "x", "new-side");
        assertThat(newSide.exit()).as(newSide.text()).isZero();
        assertThat(newSide.out()).contains("OK x = new-side").contains("lease holder " + newMaster);
        Run split = faultline("cluster", "read", "x");
        assertThat(split.out()).contains(oldMaster + " (master): old-side").contains(newMaster + " (master): new-side");

        Run heal = faultline("fault", "heal");
        assertThat(heal.exit()).isZero();
        assertThat(heal.out()).startsWith("healed");
        Run healed = until(r -> r.exit() == 0 && !r.out().contains("old-side") && r.out().contains(oldMaster + " (replica): new-side"),
                "cluster", "read", "x");
        assertThat(healed.out()).as("the old master's acknowledged write is gone").doesNotContain("old-side")
                .contains(oldMaster + " (replica): new-side");
        Pattern follows = Pattern.compile(oldMaster + "\\s+g1\\s+running\\s+replica\\s+" + newMaster + "\\s+up\\s");
        Run settled = until(r -> follows.matcher(row(r, oldMaster)).find(), "cluster", "status");
        assertThat(row(settled, oldMaster)).containsPattern(follows);
        assertThat(settled.out()).contains("cut links: none");

        // A replica paused before the load and resumed during it: both faults are in the load's history.
        Run pause = faultline("fault", "pause", oldMaster);
        assertThat(pause.exit()).as(pause.text()).isZero();
        CompletableFuture<Run> loading = CompletableFuture.supplyAsync(
                () -> faultline("load", "--workload", "register", "--time-limit", "10"));
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (historiesIn(dir.resolve("store")).noneMatch(h -> h.toFile().length() > 0) && !loading.isDone()
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        assertThat(historiesIn(dir.resolve("store"))).as(() -> "the load has started recording"
                + (loading.isDone() ? "; it ended: " + loading.join().text() : "")).isNotEmpty();
        Run resume = faultline("fault", "resume", oldMaster);
        assertThat(resume.exit()).as(resume.text()).isZero();
        Run load = loading.get(60, TimeUnit.SECONDS);
        assertThat(load.exit()).as(load.text()).isZero();
        assertThat(load.out()).contains("run: ").contains("valid: true");
        Path run = Path.of(load.out().lines().filter(l -> l.startsWith("run: ")).findFirst().orElseThrow().substring(5));
        assertThat(run).exists();
        assertThat(run.resolve("history.edn")).isNotEmptyFile();
        assertThat(run.resolve("report.html")).exists();
        assertThat(Files.readString(run.resolve("test.json"))).as("the rerun line, with the seed the harness chose")
                .containsPattern("\"command-line\" : \\[ \"./faultline\", \"load\", \"--workload\", \"register\", .*\"--seed\", \"\\d+\" \\]");
        assertThat(HistoryReader.read(run.resolve("history.edn")).stream().filter(Op::isNemesis)
                .map(op -> op.type() + " " + op.f() + " " + op.value()))
                .as("the faults made by hand, in the load's history")
                .containsExactly("INVOKE pause " + oldMaster, "INFO pause " + oldMaster,
                        "INVOKE resume " + oldMaster, "INFO resume " + oldMaster);

        badCommandsAnswerOneLineWithExit254();

        Run down = faultline("cluster", "down");
        assertThat(down.exit()).as(down.text()).isZero();
        assertThat(down.out()).startsWith("cluster down: stopped the daemon (pid " + state.pid() + ")");
        assertThat(Files.exists(dir.resolve(".faultline/cluster.json"))).isFalse();
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(faultline("cluster", "status").exit()).isEqualTo(254);
    }

    private static java.util.stream.Stream<Path> historiesIn(Path store) {
        if (!Files.isDirectory(store)) return java.util.stream.Stream.empty();
        try (java.util.stream.Stream<Path> paths = Files.walk(store)) {
            return paths.filter(p -> p.getFileName().toString().equals("history.edn")).toList().stream();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return java.util.stream.Stream.empty(); // the store is being written; look again
        }
    }

    private void badCommandsAnswerOneLineWithExit254() {
        Run unknown = faultline("fault", "kill", "n9");
        assertThat(unknown.exit()).isEqualTo(254);
        assertThat(unknown.err()).isEqualTo("faultline: unknown node 'n9' (nodes: n1..n5)" + System.lineSeparator());
        Run malformed = faultline("fault", "partition", "isolate", "n1", "n2");
        assertThat(malformed.exit()).isEqualTo(254);
        assertThat(malformed.err()).isEqualTo("faultline: bad token 'n2' in grudge spec 'isolate n1 n2': isolate takes "
                + "exactly one NODE" + System.lineSeparator());
        Run unknownInSpec = faultline("fault", "partition", "n1,n2|n3,n9");
        assertThat(unknownInSpec.exit()).isEqualTo(254);
        assertThat(unknownInSpec.err().lines()).hasSize(1).first().asString().contains("'n9'");
        Run twice = faultline("cluster", "up");
        assertThat(twice.exit()).isEqualTo(254);
        assertThat(twice.err()).startsWith("faultline: a cluster is already running (pid ").contains("faultline cluster down");
    }

    @AfterEach
    void nothingKeepsRunning() {
        for (ProcessHandle p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (ProcessHandle p : started) p.onExit().orTimeout(15, TimeUnit.SECONDS).exceptionally(e -> p).join();
        assertThat(started).as("daemon, redis-server and agent processes").noneMatch(ProcessHandle::isAlive);
    }
}
