package io.faultline.core.history;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The shared part of the byte-level op scanners ({@link EdnOpScanner}, {@link JsonOpScanner}): a
 * position in a byte array, integer and string literals, and a cache of names so that a function or
 * keyword repeated on every line is decoded once. A scanner recognises only the plain shapes it knows;
 * on anything else it gives up ({@code FAIL}) and the line goes to the full parser, so whatever it
 * accepts it must read exactly as the full parser does. Confined to one thread.
 */
abstract class ByteScanner {

    /** A result of a scanning method: the input is not of a shape this scanner knows. */
    static final int FAIL = -1;

    /** The most digits an integer may have to be read here (so that it fits a long without checks). */
    private static final int MAX_DIGITS = 18;
    private static final int MAX_DEPTH = 32;

    byte[] buf;
    int pos;
    int end;
    /** Nesting depth of collections being read, bounded so that adversarial input cannot overflow the stack. */
    int depth;
    /** The last integer read by {@link #readLong}. */
    long number;

    final void reset(byte[] bytes, int from, int to) {
        buf = bytes;
        pos = from;
        end = to;
        depth = 0;
    }

    /** True when the byte may end a token: white space, a comma, a closing bracket, or the end. */
    final boolean atDelimiter() {
        if (pos >= end) return true;
        byte c = buf[pos];
        return c == ' ' || c == ',' || c == '}' || c == ']' || c == ')' || c == '\t';
    }

    /**
     * Reads {@code -?digits} at {@code pos} into {@link #number}, followed by a delimiter; no leading
     * zeros, at most 18 digits.
     *
     * @return false, position unspecified, when it is not such an integer
     */
    final boolean readLong() {
        int p = pos;
        boolean negative = false;
        if (p < end && buf[p] == '-') {
            negative = true;
            p++;
        }
        int start = p;
        long v = 0;
        while (p < end) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            p++;
        }
        int digits = p - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && buf[start] == '0')) return false;
        pos = p;
        if (!atDelimiter()) return false;
        number = negative ? -v : v;
        return true;
    }

    /**
     * Reads a string literal at {@code pos} (on its opening quote) without escapes.
     *
     * @return the string, or null when it has an escape or no closing quote
     */
    final String readPlainString() {
        int start = pos + 1;
        for (int p = start; p < end; p++) {
            byte c = buf[p];
            if (c == '"') {
                pos = p + 1;
                return new String(buf, start, p - start, StandardCharsets.UTF_8);
            }
            if (c == '\\') return null;
        }
        return null;
    }

    /** True when the bytes at {@code pos} are {@code word} followed by a delimiter; consumes them then. */
    final boolean readWord(byte[] word) {
        int to = pos + word.length;
        if (to > end || !Arrays.equals(buf, pos, to, word, 0, word.length)) return false;
        int saved = pos;
        pos = to;
        if (atDelimiter()) return true;
        pos = saved;
        return false;
    }

    /** Enters a collection; false when nesting is too deep to read here. */
    final boolean enter() {
        return ++depth <= MAX_DEPTH;
    }

    /**
     * Values made from short names (functions, keywords) seen over and over, so that each is decoded once:
     * a small direct-mapped cache keyed by the name's bytes, which must be ASCII.
     */
    static final class Names {
        private final byte[][] keys = new byte[256][];
        private final Object[] values = new Object[256];
        private final Function<String, Object> make;

        Names(Function<String, Object> make) {
            this.make = make;
        }

        /** The value of the name in {@code buf[from, to)}, made on a miss. */
        Object get(byte[] buf, int from, int to) {
            int h = to - from;
            for (int p = from; p < to; p++) h = h * 31 + buf[p];
            int slot = (h ^ (h >>> 8)) & 255;
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(buf, from, to, key, 0, key.length)) return values[slot];
            Object value = make.apply(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
            keys[slot] = Arrays.copyOfRange(buf, from, to);
            values[slot] = value;
            return value;
        }
    }
}
