package io.faultline.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts a stream into blocks of whole lines (each ends with {@code \n}, but the last), about
 * {@link #BLOCK} bytes each, a line longer than that in a block of its own. Buffers handed back with
 * {@link #recycle} are reused, so reading a large file allocates a handful of them. Not thread-safe: one
 * thread reads; the blocks may be parsed on others.
 */
final class LineBlocks {

    /** The size of a block. */
    static final int BLOCK = 4 << 20;

    /**
     * Whole lines {@code buf[from, to)}.
     *
     * @param buf the buffer, which the reader may reuse once the block is {@linkplain #recycle recycled}
     */
    record Block(byte[] buf, int from, int to) {
    }

    private final InputStream in;
    private final int blockSize;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;

    LineBlocks(InputStream in) {
        this(in, BLOCK);
    }

    LineBlocks(InputStream in, int blockSize) {
        this.in = in;
        this.blockSize = blockSize;
    }

    /** The next block, or null at the end of the stream. */
    Block next() throws IOException {
        if (eof && carryLength == 0) return null;
        byte[] buf = carryLength >= blockSize ? new byte[carryLength * 2] : take();
        System.arraycopy(carry, 0, buf, 0, carryLength);
        int fill = carryLength;
        int searchFrom = carryLength; // the carried tail holds no line end
        int end;
        while (true) {
            while (fill < buf.length && !eof) {
                int n = in.read(buf, fill, buf.length - fill);
                if (n < 0) eof = true;
                else fill += n;
            }
            int last = fill - 1;
            while (last >= searchFrom && buf[last] != '\n') last--;
            if (last >= searchFrom) {
                end = last + 1;
                break;
            }
            if (eof) {
                end = fill;
                break;
            }
            searchFrom = fill; // a line longer than the buffer: make room for the rest of it
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        carryLength = fill - end;
        if (carry.length < carryLength) carry = new byte[Math.max(carryLength, 1 << 16)];
        System.arraycopy(buf, end, carry, 0, carryLength);
        if (end == 0) {
            recycle(buf);
            return null;
        }
        return new Block(buf, 0, end);
    }

    /** Hands a block's buffer back for reuse; the block must not be read any more. */
    void recycle(byte[] buf) {
        if (buf.length == blockSize && free.size() < 16) free.push(buf);
    }

    private byte[] take() {
        byte[] buf = free.poll();
        return buf != null ? buf : new byte[blockSize];
    }
}
