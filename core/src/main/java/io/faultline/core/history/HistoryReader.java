package io.faultline.core.history;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads histories in the three formats Faultline knows, telling them apart by their first significant
 * character:
 * <ul>
 *   <li>Jepsen's {@code history.edn}: one EDN op map per line ({@code {:index 0, :type :invoke, ...}});
 *   <li>Knossos files: one EDN vector or list of op maps, maybe with {@code ;} comments and without
 *       {@code :index}/{@code :time};
 *   <li>JSON lines: one JSON object per line ({@link JsonLinesOps}).
 * </ul>
 * Files ending in {@code .gz} (or starting with the gzip magic number) are decompressed on the fly.
 *
 * <p>Line formats are read in blocks, parsed on all cores by a byte-level scanner of the op shape Jepsen
 * writes, with the full EDN or JSON reader for any line the scanner does not know ({@link LineParser});
 * the file is never held in memory as a whole, and the ops go straight into the compact columns of a
 * {@link History}. A bad line is named {@code FILE:LINE: expected ...}. Stateless; thread-safe.
 */
public final class HistoryReader {

    private static final int PEEK = 1 << 16;

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
        List<HistoryBuilder> chunks = new ArrayList<>();
        forEachChunk(file, chunks::add);
        long total = 0;
        for (HistoryBuilder c : chunks) total += c.size();
        if (total > Integer.MAX_VALUE - 16) {
            throw new HistoryFormatException(name, 0, "too many ops for one history in memory (" + total
                    + "); split it by key (analyze --independent streams such files)");
        }
        HistoryBuilder all = new HistoryBuilder((int) total);
        for (int i = 0; i < chunks.size(); i++) {
            all.appendAll(chunks.get(i));
            chunks.set(i, null);
        }
        return all.build(name);
    }

    /**
     * Reads a history file's ops, unpaired, in file order, handing them to {@code sink} a block at a
     * time (on the calling thread); the blocks' indices are as in the file, {@code -1} when absent.
     *
     * @throws HistoryFormatException as {@link #read}
     */
    static void forEachChunk(Path file, LineChunks.Sink sink) {
        String name = file.toString();
        try (InputStream in = open(file)) {
            readChunks(in, name, sink);
        } catch (NoSuchFileException e) {
            throw new HistoryFormatException(name, 0, "no such file");
        } catch (IOException e) {
            throw new HistoryFormatException(name, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void readChunks(InputStream in, String name, LineChunks.Sink sink) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        int bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        in.skipNBytes(bom);
        int first = firstSignificant(head, bom);
        if (first < 0 && head.length < PEEK) return;
        byte c = first < 0 ? (byte) '{' : head[first];
        if (c == '[' || c == '(') {
            byte[] all = in.readAllBytes();
            int at = first - bom;
            HistoryBuilder fast = KnossosScanner.scan(all, at, all.length);
            sink.accept(fast != null ? fast : knossosByEdn(new String(all, at, all.length - at, StandardCharsets.UTF_8), name));
        } else if (c == '{') {
            boolean json = first >= 0 && first + 1 < head.length && head[first + 1] == '"';
            LineChunks.read(new LineBlocks(in), json ? LineParser.Format.JSON : LineParser.Format.EDN, name, sink);
        } else {
            String found = new String(head, first, Math.min(4, head.length - first), StandardCharsets.UTF_8);
            throw new HistoryFormatException(name, 1 + newlines(head, first),
                    "expected an EDN op map '{', a Knossos vector '[' or a JSON object, found '"
                            + found.substring(0, Character.charCount(found.codePointAt(0))) + "'");
        }
    }

    /** The position of the first byte that is not white space, a comma or in a {@code ;} comment, or -1. */
    private static int firstSignificant(byte[] head, int from) {
        int p = from;
        while (p < head.length) {
            byte c = head[p];
            if (c == ';') {
                while (p < head.length && head[p] != '\n') p++;
            } else if (c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B) {
                p++;
            } else {
                return p;
            }
        }
        return -1;
    }

    private static int newlines(byte[] head, int to) {
        int n = 0;
        for (int i = 0; i < to; i++) if (head[i] == '\n') n++;
        return n;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), PEEK);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, PEEK), PEEK);
        return raw;
    }

    private static HistoryBuilder knossosByEdn(String text, String name) throws IOException {
        Object parsed;
        try {
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            parsed = parser.nextValue(Parsers.newParseable(new PushbackReader(new StringReader(text), 2)));
        } catch (EdnException e) {
            throw new HistoryFormatException(name, 0,
                    "expected a Knossos history: one EDN vector or list of op maps: " + e.getMessage(), e);
        }
        if (!(parsed instanceof List<?> list)) {
            throw new HistoryFormatException(name, 0, "expected a Knossos history: one EDN vector or list of op maps");
        }
        HistoryBuilder out = new HistoryBuilder(list.size(), true);
        for (int i = 0; i < list.size(); i++) {
            try {
                out.append(EdnOps.fromEdn(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new HistoryFormatException(name, 0, "op " + i + " of the vector: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
