package io.faultline.harness.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The file through which the commands find a running cluster: {@code cluster.json} in the state
 * directory ({@code .faultline} in the working directory unless {@code --state DIR} says otherwise),
 * next to the daemon's log {@code cluster.log}. The daemon writes it once it is ready and deletes it
 * when it stops; a file whose process is gone is stale and is removed by whoever finds it.
 */
public final class StateFile {

    /** The default state directory, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".faultline");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private StateFile(Path directory) {
        this.directory = directory;
    }

    /** The state file in {@code directory} (which need not exist yet). */
    public static StateFile in(Path directory) {
        return new StateFile(Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize());
    }

    public Path directory() {
        return directory;
    }

    /** {@code <directory>/cluster.json}. */
    public Path path() {
        return directory.resolve("cluster.json");
    }

    /** {@code <directory>/cluster.log}: the background daemon's output. */
    public Path log() {
        return directory.resolve("cluster.log");
    }

    /**
     * What the file says, empty when there is none.
     *
     * @throws ControlRefusal when the file exists but cannot be read as a state file
     */
    public Optional<ClusterState> read() {
        if (!Files.exists(path())) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(path().toFile(), ClusterState.class));
        } catch (IOException | RuntimeException e) {
            throw new ControlRefusal("cannot read the state file " + path() + " (" + e.getMessage().lines().findFirst()
                    .orElse("") + "): remove it if no cluster is running");
        }
    }

    /** Writes the state atomically (readers never see half a file). */
    public void write(ClusterState state) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "cluster", ".json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + path() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file if it still names {@code pid} (a newer daemon's file stays). */
    public void deleteIfOwnedBy(long pid) {
        try {
            if (read().map(s -> s.pid() == pid).orElse(false)) Files.deleteIfExists(path());
        } catch (IOException | ControlRefusal e) {
            // unreadable or already gone: nothing of ours to delete
        }
    }

    /** Deletes the file whatever it says. */
    public void delete() {
        try {
            Files.deleteIfExists(path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the state file " + path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The state of the running cluster.
     *
     * @throws ControlRefusal when there is no state file, or when its daemon is gone (the stale file
     *                        is then removed, and the message says so)
     */
    public ClusterState requireRunning() {
        ClusterState state = read().orElseThrow(() -> new ControlRefusal("no cluster is running (state file "
                + path() + " not found): start one with 'faultline cluster up'"));
        if (!isAlive(state.pid())) {
            delete();
            throw new ControlRefusal("no cluster is running (its daemon, pid " + state.pid() + ", is gone; removed the stale state file "
                    + path() + "): start one with 'faultline cluster up'");
        }
        return state;
    }

    /** True when {@code pid} is a live process that looks like a Faultline JVM. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().map(c -> c.toLowerCase().contains("faultline")).orElse(true))
                .orElse(false);
    }
}
