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
 * Reads an EDN op map of the shape Jepsen writes, {@code {:index 7, :time 12967386622, :type :info,
 * :process 3, :f :write, :value [3 4], :error :timeout}}, straight from bytes into a {@link HistoryBuilder}.
 *
 * <p>It knows: keyword keys; integers of up to 18 digits, {@code nil}, {@code true}, {@code false},
 * plain keywords, strings without escapes, and vectors and lists of those as values; any other key kept as
 * an extra. Anything else (maps or sets as values, symbols, floats, escapes, tags, comments, duplicate
 * keys, a missing {@code :type}, ...) makes it give up, appending nothing, so that the caller hands the
 * text to the full EDN reader ({@link EdnOps}), which reads it, or names what is wrong, as before. What it
 * reads it reads as {@link EdnOps#fromEdn} would. Confined to one thread.
 */
final class EdnOpScanner extends ByteScanner {

    /** {@link #scanLine}: the line holds no op (blank or a comment). */
    static final int BLANK = 0;
    /** {@link #scanLine}: one op appended. */
    static final int READ = 1;

    private static final byte[] NIL = {'n', 'i', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final Object FAILED = new Object();

    private final Names keywords = new Names(Keyword::newKeyword);
    private final Names names = new Names(name -> name);

    private int nameFrom;
    private int nameTo;
    private long index;
    private long time;
    private int type;
    private int process;
    private String f;
    private byte keyTag;
    private long keyBits;
    private Object keyObject;
    private byte valueTag;
    private long valueBits;
    private Object valueObject;
    private Object error;
    private Map<String, Object> extra;

    /**
     * Reads one line {@code bytes[from, to)} (no line terminator): blank, a {@code ;} comment, or one op
     * map with nothing but white space or commas around it.
     *
     * @return {@link #BLANK}, {@link #READ} (appended to {@code out}) or {@link #FAIL} (nothing appended)
     */
    int scanLine(byte[] bytes, int from, int to, HistoryBuilder out) {
        reset(bytes, from, to);
        skipBlank();
        if (pos == end || buf[pos] == ';') return BLANK;
        if (buf[pos] != '{' || !scanMap()) return FAIL;
        skipBlank();
        if (pos != end) return FAIL;
        append(out);
        return READ;
    }

    /**
     * Reads one op map at {@code bytes[from]} (its opening brace), not past {@code to}.
     *
     * @return the position after its closing brace, with the op appended to {@code out}, or {@link #FAIL}
     */
    int scanMap(byte[] bytes, int from, int to, HistoryBuilder out) {
        reset(bytes, from, to);
        if (pos >= end || buf[pos] != '{' || !scanMap()) return FAIL;
        append(out);
        return pos;
    }

    private void skipBlank() {
        while (pos < end) {
            byte c = buf[pos];
            if (c != ' ' && c != ',' && c != '\t') return;
            pos++;
        }
    }

    private boolean scanMap() {
        pos++;
        index = -1;
        time = -1;
        type = -1;
        process = Integer.MIN_VALUE;
        f = null;
        keyTag = OpColumns.NIL;
        valueTag = OpColumns.NIL;
        valueObject = null;
        keyObject = null;
        error = null;
        extra = null;
        int seen = 0;
        while (true) {
            skipBlank();
            if (pos >= end) return false;
            if (buf[pos] == '}') {
                pos++;
                return type >= 0 && f != null && process != Integer.MIN_VALUE;
            }
            if (buf[pos] != ':' || !readName()) return false;
            int bit = fieldBit();
            if ((seen & bit) != 0) return false;
            seen |= bit;
            skipBlank();
            if (pos >= end || !readField(bit)) return false;
        }
    }

    /** The bit of a known key among 1..64, or 128 for an extra key (checked for duplicates by the map). */
    private int fieldBit() {
        return switch (nameTo - nameFrom) {
            case 1 -> nameIs("f") ? 1 : 128;
            case 4 -> nameIs("time") ? 2 : nameIs("type") ? 4 : 128;
            case 5 -> nameIs("index") ? 8 : nameIs("value") ? 16 : nameIs("error") ? 32 : 128;
            case 7 -> nameIs("process") ? 64 : 128;
            default -> 128;
        };
    }

    private boolean nameIs(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (buf[nameFrom + i] != name.charAt(i)) return false;
        }
        return true;
    }

    private boolean readField(int bit) {
        switch (bit) {
            case 1 -> {
                if (buf[pos] != ':' || !readName()) return false;
                f = (String) names.get(buf, nameFrom, nameTo);
                return true;
            }
            case 2, 8 -> {
                if (!readLong()) return false;
                if (bit == 2) time = number;
                else index = number;
                return true;
            }
            case 4 -> {
                if (buf[pos] != ':' || !readName()) return false;
                type = typeOf();
                return type >= 0;
            }
            case 64 -> {
                return readProcess();
            }
            case 16 -> {
                return readValue();
            }
            case 32 -> {
                Object e = readObject();
                error = e;
                return e != FAILED;
            }
            default -> {
                String name = (String) names.get(buf, nameFrom, nameTo);
                Object v = readObject();
                if (v == FAILED || v == null) return false; // a nil extra: left to the full reader
                if (extra == null) extra = new LinkedHashMap<>();
                return extra.put(name, v) == null;
            }
        }
    }

    private int typeOf() {
        return switch (nameTo - nameFrom) {
            case 2 -> nameIs("ok") ? OpType.OK.ordinal() : -1;
            case 4 -> nameIs("fail") ? OpType.FAIL.ordinal() : nameIs("info") ? OpType.INFO.ordinal() : -1;
            case 6 -> nameIs("invoke") ? OpType.INVOKE.ordinal() : -1;
            default -> -1;
        };
    }

    private boolean readProcess() {
        if (buf[pos] == ':') {
            if (!readName() || nameTo - nameFrom != 7 || !nameIs("nemesis")) return false;
            process = Op.NEMESIS;
            return true;
        }
        if (!readLong() || number < 0 || number > Integer.MAX_VALUE) return false;
        process = (int) number;
        return true;
    }

    /**
     * Reads a keyword's name at {@code pos} (on the colon) into {@code nameFrom..nameTo}: a letter or one of
     * {@code *!_?<>=} first, then letters, digits and {@code *+!-_?<>=.}, up to a delimiter.
     */
    private boolean readName() {
        int p = pos + 1;
        if (p >= end || !isNameStart(buf[p])) return false;
        nameFrom = p;
        while (p < end && isNamePart(buf[p])) p++;
        nameTo = p;
        pos = p;
        return atDelimiter();
    }

    private static boolean isNameStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*' || c == '!' || c == '_' || c == '?'
                || c == '<' || c == '>' || c == '=';
    }

    private static boolean isNamePart(byte c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    }

    /** Reads {@code :value}: a two-element vector or list is kept as key and value, without boxing longs. */
    private boolean readValue() {
        byte c = buf[pos];
        if (c == '[' || c == '(') {
            int start = pos;
            if (readTuple(c == '[' ? (byte) ']' : (byte) ')')) return true;
            pos = start;
            depth = 0;
            valueObject = readObject();
            valueTag = valueObject == null ? OpColumns.NIL : OpColumns.OBJECT;
            keyTag = OpColumns.NIL;
            return valueObject != FAILED;
        }
        if (!readSlot()) return false;
        valueTag = slotTag;
        valueBits = number;
        valueObject = slotObject;
        return true;
    }

    private byte slotTag;
    private Object slotObject;

    /** Reads a value into {@code slotTag}, {@code number} (a long) and {@code slotObject} (anything else). */
    private boolean readSlot() {
        byte c = buf[pos];
        if (c == '-' || (c >= '0' && c <= '9')) {
            slotTag = OpColumns.LONG;
            slotObject = null;
            return readLong();
        }
        Object o = readObject();
        if (o == FAILED) return false;
        slotTag = o == null ? OpColumns.NIL : OpColumns.OBJECT;
        slotObject = o;
        return true;
    }

    private boolean readTuple(byte close) {
        pos++;
        skipBlank();
        if (pos >= end || buf[pos] == close || !readSlot()) return false;
        byte tag = slotTag;
        long bits = number;
        Object object = slotObject;
        skipBlank();
        if (pos >= end || buf[pos] == close || !readSlot()) return false;
        skipBlank();
        if (pos >= end || buf[pos] != close) return false;
        pos++;
        keyTag = tag == OpColumns.NIL ? OpColumns.NIL_KEY : tag;
        keyBits = bits;
        keyObject = object;
        valueTag = slotTag;
        valueBits = number;
        valueObject = slotObject;
        return true;
    }

    /** Reads any value this scanner knows as plain data ({@link EdnOps#normalize}); {@link #FAILED} otherwise. */
    private Object readObject() {
        if (pos >= end) return FAILED;
        byte c = buf[pos];
        if (c == '-' || (c >= '0' && c <= '9')) return readLong() ? (Object) number : FAILED;
        if (c == ':') return readName() ? keywords.get(buf, nameFrom, nameTo) : FAILED;
        if (c == '"') {
            String s = readPlainString();
            return s == null || !atDelimiter() ? FAILED : s;
        }
        if (c == 'n') return readWord(NIL) ? null : FAILED;
        if (c == 't') return readWord(TRUE) ? Boolean.TRUE : FAILED;
        if (c == 'f') return readWord(FALSE) ? Boolean.FALSE : FAILED;
        if (c == '[' || c == '(') return readList(c == '[' ? (byte) ']' : (byte) ')');
        return FAILED;
    }

    private Object readList(byte close) {
        if (!enter()) return FAILED;
        pos++;
        List<Object> items = new ArrayList<>(4);
        while (true) {
            skipBlank();
            if (pos >= end) return FAILED;
            if (buf[pos] == close) {
                pos++;
                depth--;
                return atDelimiter() ? Collections.unmodifiableList(items) : FAILED;
            }
            Object item = readObject();
            if (item == FAILED) return FAILED;
            items.add(item);
        }
    }

    private void append(HistoryBuilder out) {
        int row = out.appendRow(index, time, type, process, out.fId(f));
        if (keyTag != OpColumns.NIL) {
            out.setKey(row, keyTag, keyTag == OpColumns.OBJECT ? out.intern(keyObject) : keyBits);
        }
        out.setInner(row, valueTag, valueTag == OpColumns.OBJECT ? out.intern(valueObject) : valueBits);
        if (error != null) out.setError(row, out.intern(error));
        if (extra != null) out.setExtra(row, out.intern(Map.copyOf(extra)));
    }
}
