package io.faultline.core.history;

/**
 * Reads a Knossos history, one EDN vector or list of op maps ({@code [{:process 0, :type :invoke, :f :read,
 * :value nil} ...]}, {@code ;} comments between them), with {@link EdnOpScanner}; gives up (null) on
 * anything else, for the caller to hand the whole text to the full EDN reader. Like that reader, it reads
 * the first value and ignores what follows it. Stateless.
 */
final class KnossosScanner {

    private KnossosScanner() {
    }

    /** The ops of {@code bytes[from, to)}, whose first significant byte is the opening bracket; or null. */
    static HistoryBuilder scan(byte[] bytes, int from, int to) {
        byte open = bytes[from];
        byte close = open == '[' ? (byte) ']' : open == '(' ? (byte) ')' : 0;
        if (close == 0) return null;
        HistoryBuilder out = new HistoryBuilder(Math.max(16, (to - from) / 60), true);
        EdnOpScanner maps = new EdnOpScanner();
        int p = from + 1;
        while (true) {
            p = skipBlankAndComments(bytes, p, to);
            if (p >= to) return null;
            if (bytes[p] == close) return out;
            if (bytes[p] != '{') return null;
            p = maps.scanMap(bytes, p, to, out);
            if (p < 0) return null;
            if (p < to && !isBlank(bytes[p]) && bytes[p] != close && bytes[p] != '{' && bytes[p] != ';') return null;
        }
    }

    private static int skipBlankAndComments(byte[] bytes, int p, int to) {
        while (p < to) {
            byte c = bytes[p];
            if (c == ';') {
                while (p < to && bytes[p] != '\n') p++;
            } else if (isBlank(c)) {
                p++;
            } else {
                return p;
            }
        }
        return p;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t';
    }
}
