package io.faultline.results.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The store of test runs: {@code <root>/<test-name>/<yyyyMMdd'T'HHmmss.SSS>/}, with the symbolic links
 * {@code <root>/latest} (the newest run of any test) and {@code <root>/<test-name>/latest}.
 *
 * <p>Run times are formatted in the store's zone (the system zone unless given). Thread-safe: creating
 * a run claims its directory atomically, so concurrent runs of one test never share a directory.
 */
public final class Store {

    /** The run directory name format, e.g. {@code 20240131T142501.042}. */
    public static final String TIME_PATTERN = "yyyyMMdd'T'HHmmss.SSS";
    /** The name of the links to the newest run. */
    public static final String LATEST = "latest";

    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+=,@-]{0,127}");

    private final Path root;
    private final DateTimeFormatter format;

    private Store(Path root, ZoneId zone) {
        this.root = root;
        this.format = DateTimeFormatter.ofPattern(TIME_PATTERN).withZone(zone);
    }

    /** Opens (creating it if needed) a store whose times are in the system zone. */
    public static Store open(Path root) {
        return open(root, ZoneId.systemDefault());
    }

    /**
     * Opens (creating it if needed) a store.
     *
     * @throws UncheckedIOException naming the root when it cannot be created
     */
    public static Store open(Path root, ZoneId zone) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(zone, "zone");
        try {
            Files.createDirectories(root);
            return new Store(root.toAbsolutePath().normalize(), zone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Creates the directory of a new run and points {@code latest} (store-wide and per test) at it.
     * Should a run of the same test already hold that millisecond, the next free millisecond is taken.
     *
     * @param testName letters, digits and {@code _.+=,@-}, starting with a letter or digit, at most 128
     * @throws IllegalArgumentException naming the test name when it is not a safe directory name
     * @throws UncheckedIOException when the directory cannot be created
     */
    public RunDirectory create(String testName, Instant start) {
        requireTestName(testName);
        Objects.requireNonNull(start, "start");
        Path testDir = root.resolve(testName);
        try {
            Files.createDirectories(testDir);
            Instant t = start;
            while (true) {
                Path dir = testDir.resolve(format.format(t));
                try {
                    Files.createDirectory(dir);
                    RunDirectory run = new RunDirectory(dir, testName, t);
                    Files.createDirectories(run.logsDirectory());
                    pointLatest(root.resolve(LATEST), root.relativize(dir));
                    pointLatest(testDir.resolve(LATEST), testDir.relativize(dir));
                    return run;
                } catch (FileAlreadyExistsException e) {
                    t = t.plusMillis(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory for test " + testName + " in " + root, e);
        }
    }

    /** Throws unless the name is a safe, single-segment directory name. */
    static void requireTestName(String testName) {
        if (testName == null || !TEST_NAME.matcher(testName).matches() || testName.equals(LATEST)) {
            throw new IllegalArgumentException("test name must be 1-128 letters, digits or _.+=,@- starting with a "
                    + "letter or digit, and not \"latest\"; was " + (testName == null ? "null" : '"' + testName + '"'));
        }
    }

    private static void pointLatest(Path link, Path target) throws IOException {
        Path tmp = link.resolveSibling("." + link.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId());
        Files.deleteIfExists(tmp);
        try {
            Files.createSymbolicLink(tmp, target);
        } catch (UnsupportedOperationException | IOException e) {
            return; // a file system without symbolic links: the store works without them
        }
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The run of a test at a directory name, if it exists. */
    public Optional<RunDirectory> run(String testName, String time) {
        requireTestName(testName);
        Path dir = root.resolve(testName).resolve(time).normalize();
        if (!dir.getParent().equals(root.resolve(testName)) || !Files.isDirectory(dir) || Files.isSymbolicLink(dir)) {
            return Optional.empty();
        }
        return Optional.of(RunDirectory.open(dir));
    }

    /** Every run in the store, newest first (by run time, then test name). Links and stray files are skipped. */
    public List<RunDirectory> runs() {
        List<RunDirectory> runs = new ArrayList<>();
        try (Stream<Path> tests = Files.list(root)) {
            for (Path testDir : (Iterable<Path>) tests::iterator) {
                String name = testDir.getFileName().toString();
                if (Files.isSymbolicLink(testDir) || !Files.isDirectory(testDir) || !TEST_NAME.matcher(name).matches()) {
                    continue;
                }
                try (Stream<Path> times = Files.list(testDir)) {
                    for (Path dir : (Iterable<Path>) times::iterator) {
                        if (!Files.isSymbolicLink(dir) && Files.isDirectory(dir) && parseTime(dir).isPresent()) {
                            runs.add(RunDirectory.open(dir));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the store " + root, e);
        }
        runs.sort(Comparator.comparing(RunDirectory::start).reversed().thenComparing(RunDirectory::testName));
        return runs;
    }

    /** The run time named by a run directory, in the system zone, if its name has the store's format. */
    static Optional<Instant> parseTime(Path dir) {
        try {
            return Optional.of(DateTimeFormatter.ofPattern(TIME_PATTERN).withZone(ZoneId.systemDefault())
                    .parse(dir.getFileName().toString(), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
