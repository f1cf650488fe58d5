package io.faultline.core.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.core.op.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Parses a block of whole lines of a history file, one op per line, EDN or JSON: each line through the
 * byte scanner ({@link EdnOpScanner}, {@link JsonOpScanner}) when it has the plain shape, else through the
 * full reader (edn-java, Jackson), which also names what is wrong with a bad line. A line ends at
 * {@code \n}, {@code \r\n} or {@code \r}, as {@link BufferedReader#readLine()} has it.
 *
 * <p>Confined to one thread; one instance per block or per thread.
 */
final class LineParser {

    /** The two line formats. */
    enum Format { EDN, JSON }

    /**
     * The ops of a block and how far it got.
     *
     * @param ops   the ops read, with the indices as given ({@code -1} when absent)
     * @param lines the lines of the block read (all, unless {@code error})
     * @param error the first bad line's problem, its line counted within the block, or null
     */
    record Parsed(HistoryBuilder ops, long lines, BadLine error) {
    }

    /** A line the full reader rejects: its number within the block (1-based), and what was expected. */
    record BadLine(long line, String message, Throwable cause) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Format format;
    private final EdnOpScanner edn = new EdnOpScanner();
    private final JsonOpScanner json = new JsonOpScanner();
    private Parser ednParser;

    LineParser(Format format) {
        this.format = format;
    }

    /** Parses the lines of {@code buf[from, to)}; the last one may lack its terminator. */
    Parsed parse(byte[] buf, int from, int to) {
        HistoryBuilder out = new HistoryBuilder(Math.max(16, (to - from) / 80), true);
        long line = 0;
        int p = from;
        while (p < to) {
            int nl = p;
            while (nl < to && buf[nl] != '\n') nl++;
            int lineEnd = nl > p && buf[nl - 1] == '\r' ? nl - 1 : nl;
            line++;
            if (!scanned(buf, p, lineEnd, out)) {
                String text = new String(buf, p, lineEnd - p, StandardCharsets.UTF_8);
                try (BufferedReader pieces = new BufferedReader(new StringReader(text))) {
                    String piece = pieces.readLine();
                    boolean first = true;
                    while (piece != null || first) {
                        if (!first) line++;
                        first = false;
                        BadLine bad = fallback(piece == null ? "" : piece, out, line);
                        if (bad != null) return new Parsed(out, line, bad);
                        piece = pieces.readLine();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            p = nl + 1;
        }
        return new Parsed(out, line, null);
    }

    private boolean scanned(byte[] buf, int from, int to, HistoryBuilder out) {
        if (format == Format.EDN) return edn.scanLine(buf, from, to, out) != ByteScanner.FAIL;
        int p = from;
        while (p < to && (buf[p] == ' ' || buf[p] == '\t')) p++;
        return p == to || json.scanLine(buf, from, to, out);
    }

    /** One line through the full reader: appends its op, if any, or says why it is bad. */
    private BadLine fallback(String line, HistoryBuilder out, long lineNo) {
        return format == Format.EDN ? ednLine(line, out, lineNo) : jsonLine(line, out, lineNo);
    }

    private BadLine ednLine(String line, HistoryBuilder out, long lineNo) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith(";")) return null;
        if (ednParser == null) ednParser = Parsers.newParser(Parsers.defaultConfiguration());
        Object parsed;
        try {
            Parseable p = Parsers.newParseable(trimmed);
            parsed = ednParser.nextValue(p);
            if (ednParser.nextValue(p) != Parser.END_OF_INPUT) {
                return new BadLine(lineNo, "expected one EDN op map per line, found more after it", null);
            }
        } catch (EdnException e) {
            return new BadLine(lineNo, "expected one complete EDN op map like {:type :ok, :process 0, :f :read, :value 1}: "
                    + e.getMessage(), e);
        }
        try {
            out.append(EdnOps.fromEdn(parsed));
            return null;
        } catch (IllegalArgumentException e) {
            return new BadLine(lineNo, e.getMessage(), e);
        }
    }

    private static BadLine jsonLine(String line, HistoryBuilder out, long lineNo) {
        if (line.isBlank()) return null;
        try {
            Op op = JsonLinesOps.fromJson(MAPPER.readTree(line));
            out.append(op);
            return null;
        } catch (JsonProcessingException e) {
            return new BadLine(lineNo, "expected one JSON op object per line: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            return new BadLine(lineNo, e.getMessage(), e);
        }
    }
}
