package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A blocking TCP client for tests, with read timeouts. */
public final class TestClient implements AutoCloseable {

    /** What a read saw. */
    public enum Outcome { DATA, TIMEOUT, EOF, RESET }

    private final Socket socket;

    private TestClient(Socket socket) {
        this.socket = socket;
    }

    public static TestClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 2_000);
        socket.setTcpNoDelay(true);
        return new TestClient(socket);
    }

    public static TestClient connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        return connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
    }

    public TestClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Reads exactly n bytes within the timeout, or returns null when they did not all come. */
    public String read(int n, int timeoutMillis) throws IOException {
        byte[] buffer = new byte[n];
        int got = 0;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        InputStream in = socket.getInputStream();
        while (got < n) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            socket.setSoTimeout((int) left);
            try {
                int r = in.read(buffer, got, n - got);
                if (r < 0) return null;
                got += r;
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
        return new String(buffer, StandardCharsets.UTF_8);
    }

    /** Sends text and reads the same number of bytes back (an echo round trip). */
    public String roundTrip(String text, int timeoutMillis) throws IOException {
        send(text);
        return read(text.getBytes(StandardCharsets.UTF_8).length, timeoutMillis);
    }

    /** Waits up to the timeout for what comes next: data, the end of the stream, a reset, or nothing. */
    public Outcome await(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            int r = socket.getInputStream().read();
            return r < 0 ? Outcome.EOF : Outcome.DATA;
        } catch (SocketTimeoutException e) {
            return Outcome.TIMEOUT;
        } catch (java.net.SocketException e) {
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("reset") ? Outcome.RESET : Outcome.EOF;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
