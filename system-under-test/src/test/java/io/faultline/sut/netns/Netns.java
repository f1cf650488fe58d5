package io.faultline.sut.netns;

import io.faultline.hosts.netns.NetnsLeftovers;
import io.faultline.hosts.netns.NetnsNames;
import io.faultline.hosts.netns.NetnsRequirements;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/** Test support: skip where the netns runtime cannot run, polling with a deadline, what is left of a run. */
final class Netns {
    private Netns() {
    }

    /** Skips the test, with the reason, unless the netns runtime can run here. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(NetnsRequirements.missing().isEmpty(),
                () -> "netns runtime unavailable: " + NetnsRequirements.missing().orElse(""));
    }

    /** Polls every 20 ms until {@code condition} holds or {@code timeout} passes; whether it held. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) return true;
            } catch (RuntimeException notYet) {
                // not yet
            }
            if (System.nanoTime() >= deadline) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The namespaces and root links of run {@code run} still on this machine. */
    static List<String> leftovers(String run) {
        return java.util.stream.Stream.concat(NetnsLeftovers.namespaces().stream(), NetnsLeftovers.links().stream())
                .filter(n -> NetnsNames.runOf(n).map(run::equals).orElse(false)).toList();
    }

    /** The pids of {@code pids} that are not the packet filter's shells ({@code sh}): redis-server and JVMs. */
    static List<Long> servers(List<Long> pids) {
        return pids.stream().filter(p -> ProcessHandle.of(p).flatMap(h -> h.info().command())
                .map(c -> !(c.endsWith("/sh") || c.endsWith("/dash") || c.endsWith("/bash"))).orElse(true)).toList();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
