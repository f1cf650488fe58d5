package io.faultline.core.history;

import io.faultline.core.op.Op;
import io.faultline.core.op.OpType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * Reads a JSON-lines op object as {@link JsonLinesOps} writes it,
 * {@code {"index":7,"time":129,"type":"info","process":3,"f":"write","value":[3,4],"error":":timeout"}},
 * straight from bytes into a {@link HistoryBuilder}.
 *
 * <p>It knows integers of up to 18 digits, {@code null}, {@code true}, {@code false}, strings without
 * escapes ({@code ":name"} is a keyword) and arrays of those; anything else (objects as values, floats,
 * escapes, duplicate keys, a missing {@code "type"}, ...) makes it give up, appending nothing, so that the
 * caller hands the line to Jackson ({@link JsonLinesOps}), which reads it, or names what is wrong, as
 * before. What it reads it reads as {@link JsonLinesOps} would. Confined to one thread.
 */
final class JsonOpScanner extends ByteScanner {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final Object FAILED = new Object();

    private final Names keywords = new Names(name -> Keyword.newKeyword(name.substring(1)));
    private final Names functions = new Names(name -> name.replace(":", ""));

    /**
     * Reads one line {@code bytes[from, to)} (no line terminator) holding one JSON op object, maybe with
     * white space around it.
     *
     * @return true when the op was appended to {@code out}; false, nothing appended, otherwise
     */
    boolean scanLine(byte[] bytes, int from, int to, HistoryBuilder out) {
        reset(bytes, from, to);
        skipBlank();
        if (pos >= end || buf[pos] != '{') return false;
        pos++;
        long index = -1;
        long time = -1;
        int type = -1;
        int process = Integer.MIN_VALUE;
        String f = null;
        Object value = null;
        Object error = null;
        Map<String, Object> extra = null;
        int seen = 0;
        skipBlank();
        if (pos < end && buf[pos] == '}') return false;
        while (true) {
            skipBlank();
            if (pos >= end || buf[pos] != '"') return false;
            String key = readPlainString();
            if (key == null) return false;
            skipBlank();
            if (pos >= end || buf[pos] != ':') return false;
            pos++;
            skipBlank();
            if (pos >= end) return false;
            int bit = switch (key) {
                case "index" -> 1;
                case "time" -> 2;
                case "type" -> 4;
                case "process" -> 8;
                case "f" -> 16;
                case "value" -> 32;
                case "error" -> 64;
                default -> 0;
            };
            if ((seen & bit) != 0) return false;
            seen |= bit;
            switch (bit) {
                case 1, 2 -> {
                    if (!readLong()) return false;
                    if (bit == 1) index = number;
                    else time = number;
                }
                case 4 -> {
                    String name = readFunction();
                    type = name == null ? -1 : typeOf(name);
                    if (type < 0) return false;
                }
                case 8 -> {
                    if (buf[pos] == '"') {
                        String name = readPlainString();
                        if (!"nemesis".equals(name) && !":nemesis".equals(name)) return false;
                        process = Op.NEMESIS;
                    } else {
                        if (!readLong() || number < 0 || number > Integer.MAX_VALUE) return false;
                        process = (int) number;
                    }
                }
                case 16 -> {
                    f = readFunction();
                    if (f == null) return false;
                }
                case 32, 64 -> {
                    Object v = readObject();
                    if (v == FAILED) return false;
                    if (bit == 32) value = v;
                    else error = v;
                }
                default -> {
                    Object v = readObject();
                    if (v == FAILED || v == null) return false; // a null extra: left to Jackson
                    if (extra == null) extra = new LinkedHashMap<>();
                    if (extra.put(key, v) != null) return false;
                }
            }
            skipBlank();
            if (pos >= end) return false;
            if (buf[pos] == '}') {
                pos++;
                break;
            }
            if (buf[pos] != ',') return false;
            pos++;
        }
        skipBlank();
        if (pos != end || type < 0 || f == null || process == Integer.MIN_VALUE) return false;
        int row = out.appendRow(index, time, type, process, out.fId(f));
        out.setValue(row, value);
        if (error != null) out.setError(row, out.intern(error));
        if (extra != null) out.setExtra(row, out.intern(Map.copyOf(extra)));
        return true;
    }

    private void skipBlank() {
        while (pos < end && (buf[pos] == ' ' || buf[pos] == '\t')) pos++;
    }

    private static int typeOf(String name) {
        return switch (name) {
            case "invoke" -> OpType.INVOKE.ordinal();
            case "ok" -> OpType.OK.ordinal();
            case "fail" -> OpType.FAIL.ordinal();
            case "info" -> OpType.INFO.ordinal();
            default -> -1;
        };
    }

    /** A string with its colons removed, as {@link JsonLinesOps} reads {@code "type"} and {@code "f"}. */
    private String readFunction() {
        if (buf[pos] != '"') return null;
        int start = pos + 1;
        for (int p = start; p < end; p++) {
            byte c = buf[p];
            if (c == '"') {
                pos = p + 1;
                return (String) functions.get(buf, start, p);
            }
            if (c == '\\' || c < 0) return null;
        }
        return null;
    }

    private Object readObject() {
        byte c = buf[pos];
        if (c == '-' || (c >= '0' && c <= '9')) return readLong() ? (Object) number : FAILED;
        if (c == '"') {
            if (pos + 2 < end && buf[pos + 1] == ':' && buf[pos + 2] != '"') {
                int start = pos + 1;
                for (int p = start; p < end; p++) {
                    byte b = buf[p];
                    if (b == '"') {
                        pos = p + 1;
                        return keywords.get(buf, start, p);
                    }
                    if (b == '\\' || b < 0) return FAILED;
                }
                return FAILED;
            }
            String s = readPlainString();
            return s == null ? FAILED : s;
        }
        if (c == 'n') return readWord(NULL) ? null : FAILED;
        if (c == 't') return readWord(TRUE) ? Boolean.TRUE : FAILED;
        if (c == 'f') return readWord(FALSE) ? Boolean.FALSE : FAILED;
        if (c == '[') return readArray();
        return FAILED;
    }

    private Object readArray() {
        if (!enter()) return FAILED;
        pos++;
        List<Object> items = new ArrayList<>(4);
        skipBlank();
        if (pos < end && buf[pos] == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipBlank();
            if (pos >= end) return FAILED;
            Object item = readObject();
            if (item == FAILED) return FAILED;
            items.add(item);
            skipBlank();
            if (pos >= end) return FAILED;
            if (buf[pos] == ']') {
                pos++;
                depth--;
                return Collections.unmodifiableList(items);
            }
            if (buf[pos] != ',') return FAILED;
            pos++;
        }
    }
}
