package io.faultline.nemesis.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One open connection to a Redis (through a proxy) on which a thread sends {@code PING} after
 * {@code PING}, noting when each answer arrives: shows when bytes stop flowing and when they flow
 * again. A slow answer is waited for, not given up on.
 */
final class PingProbe implements AutoCloseable {

    private static final byte[] PING = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final Thread thread;
    private final AtomicLong answers = new AtomicLong();
    private volatile long lastAnswerNanos;
    private volatile boolean stopped;
    private volatile Exception failure;

    private PingProbe(Socket socket) {
        this.socket = socket;
        this.thread = new Thread(this::run, "ping-probe");
        this.thread.setDaemon(true);
    }

    /** Connects to the address and starts pinging. */
    static PingProbe start(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, 2_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(50);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        PingProbe probe = new PingProbe(socket);
        probe.thread.start();
        return probe;
    }

    long answers() {
        return answers.get();
    }

    /** {@link System#nanoTime()} of the latest answer. */
    long lastAnswerNanos() {
        return lastAnswerNanos;
    }

    /** Why the probe's connection broke, or null. */
    Exception failure() {
        return failure;
    }

    private void run() {
        try {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (!stopped) {
                out.write(PING);
                readPong(in);
                lastAnswerNanos = System.nanoTime();
                answers.incrementAndGet();
            }
        } catch (IOException e) {
            if (!stopped) failure = e;
        }
    }

    private void readPong(InputStream in) throws IOException {
        int previous = -1;
        while (!stopped) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (b < 0) throw new IOException("connection closed by the proxy");
            if (previous == '\r' && b == '\n') return;
            previous = b;
        }
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        socket.close();
        thread.join(5_000);
    }
}
