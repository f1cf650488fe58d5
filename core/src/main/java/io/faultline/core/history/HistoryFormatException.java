package io.faultline.core.history;

/**
 * A history that cannot be read or does not hang together: names the source, the line (when known)
 * and what was expected. The command line turns it into exit code 254.
 */
public final class HistoryFormatException extends RuntimeException {

    private final String source;
    private final long line;

    /**
     * @param source the file name or another label of the input; never null
     * @param line   1-based line number, or 0 when not known
     * @param message what is wrong and what was expected
     */
    public HistoryFormatException(String source, long line, String message, Throwable cause) {
        super((line > 0 ? source + ":" + line + ": " : source + ": ") + message, cause);
        this.source = source;
        this.line = line;
    }

    public HistoryFormatException(String source, long line, String message) {
        this(source, line, message, null);
    }

    public String source() {
        return source;
    }

    /** 1-based line number, or 0 when not known. */
    public long line() {
        return line;
    }
}
