package io.faultline.nemesis.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The benchmark's stand-in for Redis when there is no redis-server: answers each RESP command
 * with {@code +PONG} or {@code +OK}, one thread per connection. Stops on {@link #close()}.
 */
final class RespResponder implements ProxyBenchmark.Backend {

    private static final byte[] PONG = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "+OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RespResponder(ServerSocket server) {
        this.server = server;
    }

    static RespResponder start() throws IOException {
        RespResponder responder = new RespResponder(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(responder::accept, "resp-responder-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return responder;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread thread = new Thread(() -> serve(socket), "resp-responder");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads a RESP array of bulk strings ({@code *N\r\n} then N times {@code $len\r\n...\r\n}) and answers it. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String header = line(in);
                if (header == null) return;
                int parts = Integer.parseInt(header.substring(1));
                String first = null;
                for (int i = 0; i < parts; i++) {
                    line(in);
                    String part = line(in);
                    if (first == null) first = part;
                }
                out.write("PING".equalsIgnoreCase(first) ? PONG : OK);
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) return null;
            if (previous == '\r' && b == '\n') {
                sb.setLength(sb.length() - 1);
                return sb.toString();
            }
            sb.append((char) b);
            previous = b;
        }
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    @Override
    public String description() {
        return "built-in RESP responder (no redis-server found)";
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) socket.close();
    }
}
