package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP echo server on 127.0.0.1 for tests: echoes every byte; a connection that sends
 * {@code "bye"} gets {@code "bye"} back and is closed. One daemon thread per connection;
 * {@link #close()} closes everything and joins the threads.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private EchoServer() throws IOException {
        server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "echo-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    public static EchoServer start() throws IOException {
        return new EchoServer();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** {@code 127.0.0.1:port}. */
    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread thread = new Thread(() -> echo(socket), "echo-" + socket.getPort());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        byte[] buffer = new byte[16 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (n == 3 && buffer[0] == 'b' && buffer[1] == 'y' && buffer[2] == 'e') return;
            }
        } catch (IOException ignored) {
            // the peer went away
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : sockets) socket.close();
        for (Thread thread : threads) thread.join(5_000);
    }
}
