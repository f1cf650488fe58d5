package io.faultline.core.history;

import io.faultline.core.op.Op;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads histories in the three formats Faultline knows, telling them apart by their first character:
 * <ul>
 *   <li>Jepsen's {@code history.edn}: one EDN op map per line ({@code {:index 0, :type :invoke, ...}}),
 *       read line by line, so the text is never held in memory as a whole;
 *   <li>Knossos files: one EDN vector or list of op maps, maybe with {@code ;} comments and without
 *       {@code :index}/{@code :time};
 *   <li>JSON lines: one JSON object per line ({@link JsonLinesOps}).
 * </ul>
 * Files ending in {@code .gz} (or starting with the gzip magic number) are decompressed on the fly.
 * Stateless; thread-safe.
 */
public final class HistoryReader {

    private HistoryReader() {
    }

    /**
     * Reads and pairs a history file.
     *
     * @throws HistoryFormatException naming the file, the line and what was expected, also when the
     *                                file is missing or unreadable
     */
    public static History read(Path file) {
        String name = file.toString();
        try (Reader reader = open(file)) {
            return History.of(readOps(reader, name), name);
        } catch (NoSuchFileException e) {
            throw new HistoryFormatException(name, 0, "no such file");
        } catch (IOException e) {
            throw new HistoryFormatException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads the ops of a history from text, without pairing them. */
    public static List<Op> readOps(Reader reader, String name) throws IOException {
        PushbackReader in = new PushbackReader(reader, 2);
        int first = skipBlankAndComments(in);
        if (first < 0) return List.of();
        if (first == '[' || first == '(') {
            in.unread(first);
            return readKnossos(in, name);
        }
        if (first == '{') {
            int second = in.read();
            if (second >= 0) in.unread(second);
            in.unread(first);
            BufferedReader lines = new BufferedReader(in, 1 << 16);
            return second == '"' ? JsonLinesOps.readLines(lines, name) : readEdnLines(lines, name);
        }
        throw new HistoryFormatException(name, 1, "expected an EDN op map '{', a Knossos vector '[' or a JSON object, found '"
                + (char) first + "'");
    }

    private static Reader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream in = (b1 == 0x1f && b2 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Skips white space, commas and {@code ;} comments; returns the first other char, consumed, or -1. */
    private static int skipBlankAndComments(PushbackReader in) throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            if (c == ';') {
                while ((c = in.read()) >= 0 && c != '\n') {
                    // comment
                }
            } else if (!Character.isWhitespace(c) && c != ',' && c != '\uFEFF') {
                return c;
            }
        }
        return -1;
    }

    private static List<Op> readEdnLines(BufferedReader lines, String name) throws IOException {
        Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
        List<Op> ops = new ArrayList<>();
        String line;
        long lineNo = 0;
        while ((line = lines.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith(";")) continue;
            Object parsed;
            try {
                Parseable p = Parsers.newParseable(trimmed);
                parsed = parser.nextValue(p);
                if (parser.nextValue(p) != Parser.END_OF_INPUT) {
                    throw new HistoryFormatException(name, lineNo, "expected one EDN op map per line, found more after it");
                }
            } catch (EdnException e) {
                throw new HistoryFormatException(name, lineNo,
                        "expected one complete EDN op map like {:type :ok, :process 0, :f :read, :value 1}: "
                                + e.getMessage(), e);
            }
            try {
                ops.add(EdnOps.fromEdn(parsed));
            } catch (IllegalArgumentException e) {
                throw new HistoryFormatException(name, lineNo, e.getMessage(), e);
            }
        }
        return ops;
    }

    private static List<Op> readKnossos(PushbackReader in, String name) throws IOException {
        Object parsed;
        try {
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            Parseable p = Parsers.newParseable(in);
            parsed = parser.nextValue(p);
        } catch (EdnException e) {
            throw new HistoryFormatException(name, 0,
                    "expected a Knossos history: one EDN vector or list of op maps: " + e.getMessage(), e);
        }
        if (!(parsed instanceof List<?> list)) {
            throw new HistoryFormatException(name, 0, "expected a Knossos history: one EDN vector or list of op maps");
        }
        List<Op> ops = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                ops.add(EdnOps.fromEdn(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new HistoryFormatException(name, 0, "op " + i + " of the vector: " + e.getMessage(), e);
            }
        }
        return ops;
    }
}
