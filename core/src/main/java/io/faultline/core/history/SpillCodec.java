package io.faultline.core.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * The binary form of one op of a key, as a split history ({@link SplitByKey}) keeps it in memory and
 * spills it to disk: key id, index, time, type, process, function id, then the value without its key,
 * the error and the extra keys. Integers are variable-length; nil, longs, booleans, strings, keywords and
 * lists of those are written as such, any other value as EDN text (read back equal). Reading gives the
 * same row a {@link HistoryBuilder} would hold for the op, without its key. Stateless.
 */
final class SpillCodec {

    private static final byte NIL = 0;
    private static final byte LONG = 1;
    private static final byte TRUE = 2;
    private static final byte FALSE = 3;
    private static final byte STRING = 4;
    private static final byte KEYWORD = 5;
    private static final byte LIST = 6;
    private static final byte EDN = 7;

    private SpillCodec() {
    }

    /** A growable byte buffer. Not thread-safe. */
    static final class Bytes {
        byte[] buf = new byte[256];
        int length;

        void ensure(int more) {
            if (length + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }

        void put(byte b) {
            ensure(1);
            buf[length++] = b;
        }

        void putVarLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[length++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[length++] = (byte) v;
        }

        void putZigZag(long v) {
            putVarLong((v << 1) ^ (v >> 63));
        }

        void putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putVarLong(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, length, b.length);
            length += b.length;
        }
    }

    /** Reads what {@link Bytes} wrote. Not thread-safe. */
    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;
        private Parser edn;

        Reader(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        byte get() {
            return buf[pos++];
        }

        long varLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) return v;
                shift += 7;
            }
        }

        long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        String string() {
            int n = (int) varLong();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        Object edn(String text) {
            if (edn == null) edn = Parsers.newParser(Parsers.defaultConfiguration());
            return EdnOps.normalize(edn.nextValue(Parsers.newParseable(text)));
        }
    }

    /** Writes a row of {@code c} (its value without the key) under {@code keyId}, index and function as given. */
    static void write(Bytes out, int keyId, long index, OpColumns c, int row, int fId) {
        out.putVarLong(keyId);
        out.putVarLong(index);
        out.putZigZag(c.time[row]);
        out.put(c.type[row]);
        out.putVarLong(c.process[row]);
        out.putVarLong(fId);
        if (c.valueTag[row] == OpColumns.LONG) {
            out.put(LONG);
            out.putZigZag(c.valueBits[row]);
        } else {
            writeValue(out, c.innerValue(row));
        }
        writeValue(out, c.error(row));
        if (c.extra(row).isEmpty()) out.put(NIL);
        else writeValue(out, c.extra(row));
    }

    private static void writeValue(Bytes out, Object v) {
        if (v == null) {
            out.put(NIL);
        } else if (v.getClass() == Long.class) {
            out.put(LONG);
            out.putZigZag((Long) v);
        } else if (v instanceof Boolean b) {
            out.put(b ? TRUE : FALSE);
        } else if (v instanceof String s) {
            out.put(STRING);
            out.putString(s);
        } else if (v instanceof Keyword k && k.getPrefix() == null) {
            out.put(KEYWORD);
            out.putString(k.getName());
        } else if (v instanceof List<?> list && isPlain(list)) {
            out.put(LIST);
            out.putVarLong(list.size());
            for (Object o : list) writeValue(out, o);
        } else {
            out.put(EDN);
            out.putString(EdnOps.valueToEdn(v));
        }
    }

    private static boolean isPlain(List<?> list) {
        for (Object o : list) {
            if (o != null && o.getClass() != Long.class && !(o instanceof Boolean) && !(o instanceof String)
                    && !(o instanceof Keyword k && k.getPrefix() == null) && !(o instanceof List<?> l && isPlain(l))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one op into {@code out}, mapping its function id through {@code fNames}.
     *
     * @return the op's key id
     */
    static int read(Reader in, HistoryBuilder out, String[] fNames) {
        int keyId = (int) in.varLong();
        long index = in.varLong();
        long time = in.zigZag();
        int type = in.get();
        int process = (int) in.varLong();
        int fId = out.fId(fNames[(int) in.varLong()]);
        int row = out.appendRow(index, time, type, process, fId);
        byte tag = in.get();
        if (tag == LONG) {
            out.setInner(row, OpColumns.LONG, in.zigZag());
        } else {
            Object v = readValue(in, tag);
            if (v != null) out.setInner(row, OpColumns.OBJECT, out.intern(v));
        }
        Object error = readValue(in, in.get());
        if (error != null) out.setError(row, out.intern(error));
        Object extra = readValue(in, in.get());
        if (extra != null) out.setExtra(row, out.intern(extra));
        return keyId;
    }

    private static Object readValue(Reader in, byte tag) {
        return switch (tag) {
            case NIL -> null;
            case LONG -> in.zigZag();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> in.string();
            case KEYWORD -> Keyword.newKeyword(in.string());
            case LIST -> {
                int n = (int) in.varLong();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) items.add(readValue(in, in.get()));
                yield Collections.unmodifiableList(items);
            }
            case EDN -> in.edn(in.string());
            default -> throw new IllegalStateException("corrupt spill record: value tag " + tag);
        };
    }
}
