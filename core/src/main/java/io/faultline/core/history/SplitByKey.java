package io.faultline.core.history;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An independent (multi-key) history file split by key in one pass, for histories larger than memory:
 * each client op goes, in a compact binary form ({@link SpillCodec}), to one of a number of partitions by
 * its key; while the partitions together hold more than a budget of bytes, they are spilled to files in a
 * temporary directory. A partition is then read back alone ({@link #partition}), as per-key histories
 * equal to those {@link History#byKey()} gives for the whole file, so the heap needed is that of a
 * partition, not of the file.
 *
 * <p>Checks the pairing of the whole history as it goes, with the same errors as {@link HistoryReader}
 * and {@link History#byKey()}. {@link #close()} deletes the temporary files (also when the split fails).
 * {@link #partition} may be called from several threads at once; the rest is confined to one.
 */
public final class SplitByKey implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final int partitions;
    private final long budget;
    private final SpillCodec.Bytes[] buffers;
    private final boolean[] spilled;
    private final int[] counts;
    private final KeyRouter router;
    private long buffered;
    private long spills;

    private SplitByKey(String name, Path dir, int partitions, long budget) {
        this.name = name;
        this.dir = dir;
        this.partitions = partitions;
        this.budget = budget;
        this.buffers = new SpillCodec.Bytes[partitions];
        this.spilled = new boolean[partitions];
        this.counts = new int[partitions];
        for (int i = 0; i < partitions; i++) buffers[i] = new SpillCodec.Bytes();
        this.router = new KeyRouter(name, this::route);
    }

    /**
     * Reads and splits a history file.
     *
     * @param budgetBytes how many bytes of ops the partitions may hold in memory before they spill
     * @param partitions  how many partitions (at least 1); a partition holds the keys whose id (their order
     *                    of first appearance) is equal modulo this number
     * @param tempParent  where to make the temporary directory
     * @throws HistoryFormatException as {@link HistoryReader#read}, and when ops do not pair up
     */
    public static SplitByKey split(Path file, long budgetBytes, int partitions, Path tempParent) throws IOException {
        Path dir = Files.createTempDirectory(tempParent, "faultline-split-");
        SplitByKey split = new SplitByKey(file.toString(), dir, Math.max(1, partitions), budgetBytes);
        try {
            HistoryReader.forEachChunk(file, split.router::accept);
            return split;
        } catch (RuntimeException | Error e) {
            split.close();
            throw e;
        }
    }

    private void route(int keyId, long index, OpColumns chunk, int row, int fId) {
        int partition = keyId % partitions;
        counts[partition]++;
        SpillCodec.Bytes b = buffers[partition];
        int before = b.length;
        SpillCodec.write(b, keyId, index, chunk, row, fId);
        buffered += b.length - before;
        if (buffered > budget) spillAll();
    }

    private void spillAll() {
        try {
            for (int i = 0; i < partitions; i++) {
                SpillCodec.Bytes b = buffers[i];
                if (b.length == 0) continue;
                try (OutputStream out = Files.newOutputStream(file(i), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    out.write(b.buf, 0, b.length);
                }
                spilled[i] = true;
                buffers[i] = new SpillCodec.Bytes();
            }
            buffered = 0;
            spills++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill the split of " + name + " to " + dir, e);
        }
    }

    private Path file(int partition) {
        return dir.resolve("partition-" + partition + ".bin");
    }

    /** The keys, in order of first appearance (nil as null); a key's id is its position here. */
    public List<Object> keys() {
        return router.keys();
    }

    /** Client ops (not the nemesis') in the file. */
    public long clientOps() {
        return router.clientOps();
    }

    /** Client ops that belong to no key (no {@code [key value]} tuple, nor an invocation's). */
    public long unkeyedClientOps() {
        return router.unkeyedClientOps();
    }

    /** All ops in the file. */
    public long ops() {
        return router.ops();
    }

    public int partitions() {
        return partitions;
    }

    /** How many times the partitions were spilled to disk. */
    public long spills() {
        return spills;
    }

    /**
     * The per-key histories of one partition, by key id, each as {@link History#byKey()} gives it for the
     * whole file (original indices, values without their key).
     */
    public Map<Integer, History> partition(int partition) {
        try {
            byte[] onDisk = spilled[partition] ? Files.readAllBytes(file(partition)) : new byte[0];
            SpillCodec.Bytes tail = buffers[partition];
            HistoryBuilder out = new HistoryBuilder(counts[partition]);
            int[] keyIds = new int[64];
            int n = 0;
            String[] fNames = router.fNames();
            for (SpillCodec.Reader in : List.of(new SpillCodec.Reader(onDisk, 0, onDisk.length),
                    new SpillCodec.Reader(tail.buf, 0, tail.length))) {
                while (in.more()) {
                    if (n == keyIds.length) keyIds = java.util.Arrays.copyOf(keyIds, n * 2);
                    keyIds[n++] = SpillCodec.read(in, out, fNames);
                }
            }
            return out.build(name + " (partition " + partition + ")").splitByKeyId(keyIds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back partition " + partition + " of " + name, e);
        }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the split's temporary files in " + dir, e);
        }
    }
}
