package io.faultline.harness.control;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code faultline cluster up --foreground}: runs the cluster and its control endpoint in this JVM
 * until {@code faultline cluster down} (or Ctrl-C, or SIGTERM) stops it. The state file is written
 * once the cluster serves and removed when it stops; nothing keeps running after.
 */
public final class ForegroundDaemon {

    private ForegroundDaemon() {
    }

    /**
     * Runs until stopped.
     *
     * @param ready called with the state once the state file is written (e.g. to print the status)
     * @throws ControlRefusal when a cluster is already running with this state file
     */
    public static void run(DaemonOptions options, StateFile stateFile, PrintStream log,
                           java.util.function.Consumer<ClusterState> ready) throws Exception {
        refuseIfRunning(stateFile, log);
        CountDownLatch down = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        log.println("faultline: starting " + options.system().name() + " " + options.options().values() + " on "
                + options.runtime() + "...");
        ClusterDaemon daemon = ClusterDaemon.start(options);
        ControlServer server = null;
        Thread hook = new Thread(() -> {
            down.countDown();
            awaitQuietly(closed);
        }, "faultline-daemon-stop");
        try {
            server = ControlServer.start(daemon, down::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            ClusterState state = daemon.state(server.url(), stateFile.log().toString());
            stateFile.write(state);
            log.println("faultline: cluster ready; control endpoint " + server.url() + ", state file " + stateFile.path());
            ready.accept(state);
            down.await();
            log.println("faultline: stopping the cluster...");
        } finally {
            stateFile.deleteIfOwnedBy(ProcessHandle.current().pid());
            if (server != null) server.close();
            daemon.close();
            log.println("faultline: cluster stopped");
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDown) {
                // the hook is running, or was never added
            }
        }
    }

    /**
     * Refuses when the state file names a live daemon; removes it, with a message, when its daemon is gone.
     *
     * @throws ControlRefusal naming the running daemon
     */
    public static void refuseIfRunning(StateFile stateFile, PrintStream log) {
        stateFile.read().ifPresent(s -> {
            if (StateFile.isAlive(s.pid())) {
                throw new ControlRefusal("a cluster is already running (pid " + s.pid() + ", state file " + stateFile.path()
                        + "): stop it with 'faultline cluster down'");
            }
            stateFile.delete();
            log.println("faultline: removed the stale state file " + stateFile.path() + " (its daemon, pid " + s.pid()
                    + ", is gone)");
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
