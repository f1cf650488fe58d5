package io.faultline.nemesis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Java load: one thread per connection with a blocking socket, alternating RESP {@code PING}
 * and {@code SET} and waiting for each reply, as the harness's own clients do.
 */
final class SocketLoad implements Load {

    static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SET = "*3\r\n$3\r\nSET\r\n$5\r\nbench\r\n$5\r\nvalue\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Result run(InetSocketAddress address, int connections, int seconds) throws Exception {
        LongAdder ops = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(address, 2_000);
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    ready.countDown();
                    boolean ping = true;
                    while (!stop.get()) {
                        out.write(ping ? PING : SET);
                        readLine(in);
                        ping = !ping;
                        ops.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                    ready.countDown();
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await(10, TimeUnit.SECONDS);
        long before = ops.sum();
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long done = ops.sum() - before;
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        long all = ops.sum();
        for (Thread thread : threads) thread.join(5_000);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark client to " + address + " failed: " + failures.get(0), failures.get(0));
        }
        return new Result(done * 1e9 / elapsed, all);
    }

    /** Reads one RESP line (a simple reply such as +PONG or +OK). */
    static void readLine(InputStream in) throws IOException {
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed mid-reply");
            if (previous == '\r' && b == '\n') return;
            previous = b;
        }
    }
}
