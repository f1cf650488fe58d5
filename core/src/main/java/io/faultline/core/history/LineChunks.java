package io.faultline.core.history;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a history of one op per line (EDN or JSON lines) block by block ({@link LineBlocks}), parsing
 * blocks on all cores ({@link LineParser}) while the calling thread reads (and inflates) the next ones,
 * and hands the blocks' ops to a sink in file order, on the calling thread. A few blocks at most are in
 * flight, so memory stays bounded whatever the size of the file. A file of one block is parsed on the
 * calling thread alone.
 */
final class LineChunks {

    /** Takes the ops of each block in file order; may throw to stop reading. */
    interface Sink {
        void accept(HistoryBuilder chunk) throws IOException;
    }

    private record InFlight(Future<LineParser.Parsed> parsed, byte[] buf) {
    }

    private final LineBlocks blocks;
    private final LineParser.Format format;
    private final String name;
    private final Sink sink;
    private long lines;

    private LineChunks(LineBlocks blocks, LineParser.Format format, String name, Sink sink) {
        this.blocks = blocks;
        this.format = format;
        this.name = name;
        this.sink = sink;
    }

    /**
     * Reads every block and hands each one's ops to {@code sink}.
     *
     * @throws HistoryFormatException naming {@code name} and the line of the first bad line, as a
     *                                sequential reader would
     */
    static void read(LineBlocks blocks, LineParser.Format format, String name, Sink sink) throws IOException {
        new LineChunks(blocks, format, name, sink).run();
    }

    private void run() throws IOException {
        LineBlocks.Block first = blocks.next();
        if (first == null) return;
        LineBlocks.Block second = blocks.next();
        if (second == null) {
            deliver(new LineParser(format).parse(first.buf(), first.from(), first.to()));
            return;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "history-reader-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<InFlight> window = new ArrayDeque<>();
        try {
            window.add(submit(pool, first));
            window.add(submit(pool, second));
            LineBlocks.Block block;
            while ((block = blocks.next()) != null) {
                window.add(submit(pool, block));
                while (window.size() > 2 * threads) deliverOldest(window);
            }
            while (!window.isEmpty()) deliverOldest(window);
        } finally {
            pool.shutdownNow();
        }
    }

    private InFlight submit(ExecutorService pool, LineBlocks.Block block) {
        return new InFlight(pool.submit(() -> new LineParser(format).parse(block.buf(), block.from(), block.to())),
                block.buf());
    }

    private void deliverOldest(ArrayDeque<InFlight> window) throws IOException {
        InFlight oldest = window.poll();
        LineParser.Parsed parsed;
        try {
            parsed = oldest.parsed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + name);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
        blocks.recycle(oldest.buf());
        deliver(parsed);
    }

    private void deliver(LineParser.Parsed parsed) throws IOException {
        LineParser.BadLine bad = parsed.error();
        if (bad != null) throw new HistoryFormatException(name, lines + bad.line(), bad.message(), bad.cause());
        lines += parsed.lines();
        sink.accept(parsed.ops());
    }
}
