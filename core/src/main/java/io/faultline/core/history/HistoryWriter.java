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
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Appends ops to a file, one per line, as EDN ({@link #edn(Path)}) or JSON lines ({@link #jsonLines(Path)}).
 *
 * <p>Each append is flushed, so a crash of the harness keeps every op recorded before it. Not
 * thread-safe: the runner's recorder serialises appends. Close once.
 */
public final class HistoryWriter implements AutoCloseable {

    private final Writer out;
    private final Function<Op, String> format;
    private final boolean flushEach;

    private HistoryWriter(Writer out, Function<Op, String> format, boolean flushEach) {
        this.out = out;
        this.format = format;
        this.flushEach = flushEach;
    }

    /** A writer of Jepsen's history.edn format, creating or truncating the file; {@code .gz} compresses. */
    public static HistoryWriter edn(Path file) throws IOException {
        return open(file, EdnOps::toEdn);
    }

    /** A writer of JSON lines; {@code .gz} compresses. */
    public static HistoryWriter jsonLines(Path file) throws IOException {
        return open(file, JsonLinesOps::toJson);
    }

    private static HistoryWriter open(Path file, Function<Op, String> format) throws IOException {
        OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        boolean gz = file.getFileName().toString().endsWith(".gz");
        OutputStream os = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
        return new HistoryWriter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16),
                format, !gz);
    }

    /** Appends one op as a line and flushes it to the operating system. */
    public void append(Op op) {
        try {
            out.write(format.apply(op));
            out.write('\n');
            if (flushEach) out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append op " + op.index() + " to the history", e);
        }
    }

    /** Writes a whole history to a file in EDN lines. */
    public static void writeEdn(History history, Path file) throws IOException {
        try (HistoryWriter w = new HistoryWriter(
                new BufferedWriter(new OutputStreamWriter(gzipIfNamed(file), StandardCharsets.UTF_8), 1 << 16),
                EdnOps::toEdn, false)) {
            history.forEach(w::append);
        }
    }

    private static OutputStream gzipIfNamed(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
