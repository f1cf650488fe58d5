package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One direction of a proxied connection: reads from a source socket and writes to a sink socket,
 * through the toxics that apply to this connection.
 *
 * <p>Confined to the connection's event loop thread. Without toxics it writes each read straight
 * through (no copy); bytes the sink cannot take yet, or that a toxic delays, wait in a queue, and
 * reading pauses while the queue holds more than {@link #MAX_QUEUED} bytes.
 */
final class Flow {

    static final int BUFFER_SIZE = 16 * 1024;
    static final long MAX_QUEUED = 256 * 1024;

    private record Chunk(ByteBuffer data, long due) {
    }

    /** A toxic as it applies to this flow, with its per-connection state. */
    private static final class Active {
        final Toxic toxic;
        final boolean enabled;
        long transmitted;
        EventLoop.Timer timer;

        Active(Toxic toxic, boolean enabled) {
            this.toxic = toxic;
            this.enabled = enabled;
        }
    }

    private final Connection connection;
    private final EventLoop loop;
    private final SocketChannel source;
    private final SocketChannel sink;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private final Map<String, Active> toxics = new LinkedHashMap<>();
    private long queued;
    private long lastDue;
    private boolean held;
    private boolean delaying;
    private boolean sourceEnded;
    private boolean finished;
    private boolean closeWhenDrained;
    private boolean awaitingWritable;
    private EventLoop.Timer writeTimer;
    private EventLoop.Timer resetTimer;

    Flow(Connection connection, EventLoop loop, SocketChannel source, SocketChannel sink) {
        this.connection = connection;
        this.loop = loop;
        this.source = source;
        this.sink = sink;
    }

    boolean wantsRead() {
        return !held && !sourceEnded && !closeWhenDrained && resetTimer == null && queued < MAX_QUEUED;
    }

    boolean wantsWrite() {
        return awaitingWritable;
    }

    boolean finished() {
        return finished;
    }

    // ---- toxics ------------------------------------------------------------------------------

    /** Applies a new or updated toxic; samples its toxicity for this connection. */
    void apply(Toxic toxic) {
        remove(toxic.name());
        boolean enabled = toxic.toxicity() >= 1.0 || ThreadLocalRandom.current().nextDouble() < toxic.toxicity();
        Active active = new Active(toxic, enabled);
        toxics.put(toxic.name(), active);
        if (enabled && toxic.type() == ToxicType.TIMEOUT && toxic.attribute("timeout") > 0) {
            active.timer = loop.schedule(TimeUnit.MILLISECONDS.toNanos(toxic.attribute("timeout")),
                    () -> connection.close(false));
        }
        recompute();
    }

    /** Removes a toxic; held bytes flow again. */
    void remove(String name) {
        Active old = toxics.remove(name);
        if (old == null) return;
        if (old.timer != null) old.timer.cancel();
        recompute();
        drain();
    }

    boolean has(String name) {
        return toxics.containsKey(name);
    }

    private void recompute() {
        held = false;
        delaying = false;
        for (Active active : toxics.values()) {
            if (!active.enabled) continue;
            switch (active.toxic.type()) {
                case TIMEOUT -> held = true;
                case LATENCY, BANDWIDTH, SLICER -> delaying = true;
                default -> { }
            }
        }
    }

    private Active enabled(ToxicType type) {
        for (Active active : toxics.values()) {
            if (active.enabled && active.toxic.type() == type) return active;
        }
        return null;
    }

    // ---- I/O -----------------------------------------------------------------------------------

    void onReadable() {
        boolean anyToxic = !toxics.isEmpty();
        readBuffer.clear();
        if (anyToxic) readBuffer.limit(readLimit());
        int n;
        try {
            n = source.read(readBuffer);
        } catch (IOException e) {
            connection.close(false);
            return;
        }
        if (n < 0) {
            sourceEnded = true;
            drain();
            return;
        }
        if (n == 0) return;
        readBuffer.flip();
        if (anyToxic) {
            Active reset = enabled(ToxicType.RESET_PEER);
            if (reset != null) {
                resetTimer = loop.schedule(TimeUnit.MILLISECONDS.toNanos(reset.toxic.attribute("timeout")),
                        () -> connection.close(true));
                connection.updateInterest();
                return;
            }
            limitData();
        }
        if (!delaying && queue.isEmpty()) {
            try {
                sink.write(readBuffer);
            } catch (IOException e) {
                connection.close(false);
                return;
            }
            if (!readBuffer.hasRemaining() && !closeWhenDrained) return;
            enqueue(copy(readBuffer), System.nanoTime());
        } else {
            enqueueDelayed(readBuffer);
        }
        drain();
    }

    void onWritable() {
        awaitingWritable = false;
        drain();
    }

    private int readLimit() {
        Active bandwidth = enabled(ToxicType.BANDWIDTH);
        if (bandwidth == null || bandwidth.toxic.attribute("rate") == 0) return BUFFER_SIZE;
        long perTwentiethSecond = bandwidth.toxic.attribute("rate") * 1000 / 20;
        return (int) Math.max(1, Math.min(BUFFER_SIZE, perTwentiethSecond));
    }

    /** Truncates the read to what every limit_data toxic still allows, and counts it. */
    private void limitData() {
        for (Active active : toxics.values()) {
            if (!active.enabled || active.toxic.type() != ToxicType.LIMIT_DATA) continue;
            long remaining = Math.max(0, active.toxic.attribute("bytes") - active.transmitted);
            if (readBuffer.remaining() > remaining) {
                readBuffer.limit(readBuffer.position() + (int) remaining);
            }
        }
        for (Active active : toxics.values()) {
            if (!active.enabled || active.toxic.type() != ToxicType.LIMIT_DATA) continue;
            active.transmitted += readBuffer.remaining();
            if (active.transmitted >= active.toxic.attribute("bytes")) closeWhenDrained = true;
        }
    }

    private void enqueueDelayed(ByteBuffer data) {
        long now = System.nanoTime();
        Active slicer = enabled(ToxicType.SLICER);
        if (slicer == null || slicer.toxic.attribute("average_size") == 0) {
            long due = now + delayNanos(data.remaining(), now);
            enqueue(copy(data), due);
            return;
        }
        long average = slicer.toxic.attribute("average_size");
        long variation = Math.min(slicer.toxic.attribute("size_variation"), average - 1);
        while (data.hasRemaining()) {
            long size = average + (variation == 0 ? 0 : ThreadLocalRandom.current().nextLong(-variation, variation + 1));
            ByteBuffer piece = data.slice();
            piece.limit((int) Math.min(piece.remaining(), Math.max(1, size)));
            data.position(data.position() + piece.remaining());
            long start = Math.max(now, lastDue) + TimeUnit.MICROSECONDS.toNanos(slicer.toxic.attribute("delay"));
            long due = start + delayNanos(piece.remaining(), start);
            enqueue(copy(piece), due);
        }
    }

    /** Extra delay of latency and bandwidth toxics for {@code bytes} bytes read at {@code now}. */
    private long delayNanos(int bytes, long now) {
        long delay = 0;
        Active latency = enabled(ToxicType.LATENCY);
        if (latency != null) {
            long mean = latency.toxic.attribute("latency");
            long jitter = latency.toxic.attribute("jitter");
            long ms = jitter == 0 ? mean : mean + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
            delay += TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms));
        }
        Active bandwidth = enabled(ToxicType.BANDWIDTH);
        if (bandwidth != null && bandwidth.toxic.attribute("rate") > 0) {
            long start = Math.max(now + delay, lastDue);
            delay = start - now + bytes * 1_000_000L / bandwidth.toxic.attribute("rate");
        }
        return delay;
    }

    private void enqueue(ByteBuffer data, long due) {
        long ordered = Math.max(due, lastDue);
        lastDue = ordered;
        queue.add(new Chunk(data, ordered));
        queued += data.remaining();
    }

    private static ByteBuffer copy(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        return copy;
    }

    /** Writes what is due, arms a timer for what is not, and finishes a drained, ended flow. */
    private void drain() {
        if (connection.isClosed()) return;
        if (!held) {
            long now = System.nanoTime();
            while (!queue.isEmpty()) {
                Chunk head = queue.peek();
                if (head.due > now) {
                    if (writeTimer == null) {
                        writeTimer = loop.schedule(head.due - now, () -> {
                            writeTimer = null;
                            drain();
                        });
                    }
                    break;
                }
                int before = head.data.remaining();
                try {
                    sink.write(head.data);
                } catch (IOException e) {
                    connection.close(false);
                    return;
                }
                queued -= before - head.data.remaining();
                if (head.data.hasRemaining()) {
                    awaitingWritable = true;
                    break;
                }
                queue.poll();
            }
            if (queue.isEmpty()) {
                awaitingWritable = false;
                if (closeWhenDrained) {
                    connection.close(false);
                    return;
                }
                if (sourceEnded && !finished) finish();
            }
        }
        connection.updateInterest();
    }

    /** The source ended and everything was written: half-close the sink, after slow_close's delay. */
    private void finish() {
        finished = true;
        Active slowClose = enabled(ToxicType.SLOW_CLOSE);
        if (slowClose == null || slowClose.toxic.attribute("delay") == 0) {
            shutdownSink();
        } else {
            loop.schedule(TimeUnit.MILLISECONDS.toNanos(slowClose.toxic.attribute("delay")), this::shutdownSink);
        }
    }

    private void shutdownSink() {
        if (connection.isClosed()) return;
        try {
            sink.shutdownOutput();
        } catch (IOException e) {
            connection.close(false);
            return;
        }
        connection.flowFinished();
    }

    /** Cancels this flow's timers; the connection is closing. */
    void cancelTimers() {
        for (Active active : toxics.values()) {
            if (active.timer != null) active.timer.cancel();
        }
        if (writeTimer != null) writeTimer.cancel();
        if (resetTimer != null) resetTimer.cancel();
    }
}
