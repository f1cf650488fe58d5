package io.faultline.core.history;

import io.faultline.core.op.Op;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Appends ops to a file, one per line, as EDN ({@link #edn(Path)}) or JSON lines ({@link #jsonLines(Path)}).
 *
 * <p>Appends reach the operating system at once ({@link #edn(Path)}), or at the latest a flush interval
 * after they were made ({@link #edn(Path, Duration)}, also on {@link #flush()}), so a crash of the
 * harness keeps every op recorded before it, or all but the last interval's. Not thread-safe: the
 * runner's recorder serialises appends. Close once.
 */
public final class HistoryWriter implements AutoCloseable {

    private final Writer out;
    private final Function<Op, String> format;
    /** Longest time an append may wait in the buffer; 0 flushes every append, MAX_VALUE only when full. */
    private final long flushIntervalNanos;
    private long lastFlush = System.nanoTime();

    private HistoryWriter(Writer out, Function<Op, String> format, long flushIntervalNanos) {
        this.out = out;
        this.format = format;
        this.flushIntervalNanos = flushIntervalNanos;
    }

    /** A writer of Jepsen's history.edn format, creating or truncating the file; {@code .gz} compresses. */
    public static HistoryWriter edn(Path file) throws IOException {
        return open(file, EdnOps::toEdn, 0);
    }

    /**
     * A writer of history.edn that flushes at most {@code flushInterval} after an append (checked on
     * each append; call {@link #flush()} when going idle).
     */
    public static HistoryWriter edn(Path file, Duration flushInterval) throws IOException {
        if (flushInterval.isNegative()) throw new IllegalArgumentException("flushInterval must be >= 0, was " + flushInterval);
        return open(file, EdnOps::toEdn, flushInterval.toNanos());
    }

    /** A writer of JSON lines; {@code .gz} compresses. */
    public static HistoryWriter jsonLines(Path file) throws IOException {
        return open(file, JsonLinesOps::toJson, 0);
    }

    private static HistoryWriter open(Path file, Function<Op, String> format, long flushIntervalNanos) throws IOException {
        OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        boolean gz = file.getFileName().toString().endsWith(".gz");
        OutputStream os = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
        return new HistoryWriter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16),
                format, gz ? Long.MAX_VALUE : flushIntervalNanos);
    }

    /** Appends one op as a line; flushes it as the writer's flush interval says. */
    public void append(Op op) {
        try {
            out.write(format.apply(op));
            out.write('\n');
            if (flushIntervalNanos == 0) {
                out.flush();
            } else if (flushIntervalNanos != Long.MAX_VALUE && System.nanoTime() - lastFlush >= flushIntervalNanos) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append op " + op.index() + " to the history", e);
        }
    }

    /** Writes a whole history to a file in EDN lines ({@code .gz} compresses), flushing only at the end. */
    public static void writeEdn(History history, Path file) throws IOException {
        try (HistoryWriter w = open(file, EdnOps::toEdn, Long.MAX_VALUE)) {
            history.forEach(w::append);
        }
    }

    /** Hands every append so far to the operating system. */
    public void flush() {
        try {
            out.flush();
            lastFlush = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the history", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
