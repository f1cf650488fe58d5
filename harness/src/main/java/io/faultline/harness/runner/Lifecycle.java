package io.faultline.harness.runner;

import io.faultline.core.client.Client;
import io.faultline.core.node.HasLogs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources of one run, opened in order and closed in reverse: the system under test, the
 * clients, the nemesis. {@link #close()} tears down whatever was opened, each step in its own
 * try, so that one failing step does not leave the others running; it also keeps the nodes' logs.
 */
final class Lifecycle implements AutoCloseable {

    private final TestSpec spec;
    private final PrintStream log;
    private final Path logsDirectory;
    private boolean dbStarted;
    private final List<ProcessClient> opened = new ArrayList<>();
    private boolean nemesisSetUp;

    Lifecycle(TestSpec spec, PrintStream log, Path logsDirectory) {
        this.spec = spec;
        this.log = log;
        this.logsDirectory = logsDirectory;
    }

    void startDb() throws Exception {
        dbStarted = true; // close() must stop whatever part of it started
        log.println("faultline: starting " + spec.db().nodes().size() + " nodes...");
        spec.db().setup();
    }

    /**
     * One client per thread, bound to the nodes in turn, each renewed when its process ends
     * {@code info} ({@link ProcessClient}); the first one sets up.
     */
    List<ProcessClient> openClients(int count) throws Exception {
        List<String> nodes = spec.db().nodes();
        for (int t = 0; t < count; t++) {
            String node = nodes.get(t % nodes.size());
            opened.add(new ProcessClient(spec.client(), node, spec.client().open(node)));
        }
        opened.get(0).current().setup();
        return List.copyOf(opened);
    }

    void setupNemesis() throws Exception {
        nemesisSetUp = true;
        spec.nemesis().setup();
    }

    @Override
    public void close() {
        if (nemesisSetUp) attempt("tear down the nemesis", () -> spec.nemesis().teardown());
        if (!opened.isEmpty()) attempt("tear down the clients", this::teardownClients);
        for (ProcessClient c : opened) attempt("close a client", c::close);
        attempt("close the client prototype", () -> spec.client().close());
        if (dbStarted) {
            keepLogs();
            attempt("stop the system under test", () -> spec.db().close());
        }
    }

    /** Teardown on the first thread's client, or on a new one when its process ended {@code info}. */
    private void teardownClients() throws Exception {
        Client client = opened.get(0).current();
        if (client != null) {
            client.teardown();
            return;
        }
        try (Client fresh = spec.client().open(spec.db().nodes().get(0))) {
            fresh.teardown();
        }
    }

    private void keepLogs() {
        if (!(spec.db() instanceof HasLogs hasLogs)) return;
        attempt("copy the nodes' logs", () -> hasLogs.logFiles().forEach((node, files) -> {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) continue;
                try {
                    Path dir = Files.createDirectories(logsDirectory.resolve(node));
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    log.println("faultline: cannot copy log " + f + ": " + e.getMessage());
                }
            }
        }));
    }

    private interface Step {
        void run() throws Exception;
    }

    private void attempt(String what, Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            log.println("faultline: could not " + what + ": " + e);
        }
    }
}
