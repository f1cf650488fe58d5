package io.faultline.harness.cli;

import io.faultline.harness.runner.Runner;
import io.faultline.harness.runner.TestOutcome;
import io.faultline.harness.runner.TestSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one test so that Ctrl-C stops it cleanly: a shutdown hook asks the runner to stop and keeps
 * the JVM alive until the recorded ops are checked, stored and the verdict printed. Prints the run
 * directory and the verdict; returns the verdict's exit code.
 */
final class InterruptibleRun {

    private InterruptibleRun() {
    }

    /**
     * @param what  names the run in the interruption message, e.g. "test" or "load"
     * @param out   where the run directory and verdict go
     * @param log   the runner's log and progress line
     */
    static int runAndReport(String what, TestSpec test, PrintWriter out, PrintStream log) {
        CountDownLatch reported = new CountDownLatch(1);
        Runner runner = Runner.of(test, log);
        Thread hook = new Thread(() -> {
            log.println("\nfaultline: interrupted; stopping the " + what + ", then checking what was recorded...");
            runner.stop();
            try {
                // the JVM exits when this hook returns: wait until the verdict is printed
                reported.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "faultline-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TestOutcome outcome = runner.run();
            out.println("run: " + outcome.runDirectory());
            if (outcome.interrupted()) out.println("interrupted: the verdict covers the ops recorded before Ctrl-C");
            VerdictText.lines(outcome.result()).forEach(out::println);
            out.flush();
            return outcome.result().valid().exitCode();
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: let it finish
            }
        }
    }
}
