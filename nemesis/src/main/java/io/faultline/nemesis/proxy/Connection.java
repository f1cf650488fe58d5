package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * One client connection through a proxy: the accepted client socket, the socket to the upstream,
 * and a {@link Flow} each way.
 *
 * <p>Created on the proxy's accept thread, then confined to its event loop: every method but the
 * constructor runs on {@link #loop()}.
 */
final class Connection {

    private final TcpProxy proxy;
    private final EventLoop loop;
    private final SocketChannel client;
    private final SocketChannel server;
    private final Flow upstream;
    private final Flow downstream;
    private SelectionKey clientKey;
    private SelectionKey serverKey;
    private boolean closed;
    private int shutdowns;

    Connection(TcpProxy proxy, EventLoop loop, SocketChannel client) throws IOException {
        this.proxy = proxy;
        this.loop = loop;
        this.client = client;
        this.server = SocketChannel.open();
        this.upstream = new Flow(this, loop, client, server);
        this.downstream = new Flow(this, loop, server, client);
    }

    EventLoop loop() {
        return loop;
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts connecting to the upstream and applies the proxy's current toxics. */
    void start(InetSocketAddress target, List<Toxic> toxics) {
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            server.configureBlocking(false);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            toxics.forEach(this::apply);
            if (server.connect(target)) {
                connected();
            } else {
                serverKey = loop.register(server, SelectionKey.OP_CONNECT, key -> finishConnect());
            }
        } catch (IOException | RuntimeException e) {
            close(false);
        }
    }

    private void finishConnect() {
        try {
            server.finishConnect();
            serverKey.interestOps(0);
            connected();
        } catch (IOException e) {
            close(false);
        }
    }

    private void connected() {
        if (closed) return;
        clientKey = loop.register(client, 0, this::clientReady);
        if (serverKey == null) serverKey = loop.register(server, 0, this::serverReady);
        else serverKey.attach((EventLoop.Handler) this::serverReady);
        updateInterest();
    }

    private void clientReady(SelectionKey key) {
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) downstream.onWritable();
        if (!closed && (ready & SelectionKey.OP_READ) != 0) upstream.onReadable();
    }

    private void serverReady(SelectionKey key) {
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) upstream.onWritable();
        if (!closed && (ready & SelectionKey.OP_READ) != 0) downstream.onReadable();
    }

    /** Sets each socket's interest from what its two flows want. */
    void updateInterest() {
        if (closed || clientKey == null || !clientKey.isValid() || !serverKey.isValid()) return;
        int clientOps = (upstream.wantsRead() ? SelectionKey.OP_READ : 0)
                | (downstream.wantsWrite() ? SelectionKey.OP_WRITE : 0);
        int serverOps = (downstream.wantsRead() ? SelectionKey.OP_READ : 0)
                | (upstream.wantsWrite() ? SelectionKey.OP_WRITE : 0);
        if (clientKey.interestOps() != clientOps) clientKey.interestOps(clientOps);
        if (serverKey.interestOps() != serverOps) serverKey.interestOps(serverOps);
    }

    /** Closes both sockets of a connection that was never started; any thread. */
    void abandon() {
        closed = true;
        for (SocketChannel channel : new SocketChannel[] {client, server}) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    /** Applies a new or updated toxic to the flow of its direction. */
    void apply(Toxic toxic) {
        if (closed) return;
        flow(toxic.stream()).apply(toxic);
        updateInterest();
    }

    /** Removes a toxic, if this connection has it. */
    void remove(Toxic toxic) {
        if (closed) return;
        flow(toxic.stream()).remove(toxic.name());
    }

    private Flow flow(StreamDirection direction) {
        return direction == StreamDirection.UPSTREAM ? upstream : downstream;
    }

    /** One direction was half-closed; when both are, the connection is done. */
    void flowFinished() {
        if (++shutdowns == 2) close(false);
    }

    /**
     * Closes both sockets; with {@code reset}, with SO_LINGER 0 so that both peers see a TCP RST.
     * Idempotent.
     */
    void close(boolean reset) {
        if (closed) return;
        closed = true;
        upstream.cancelTimers();
        downstream.cancelTimers();
        for (SocketChannel channel : new SocketChannel[] {client, server}) {
            if (reset) {
                try {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                } catch (IOException | RuntimeException ignored) {
                    // already closed or never connected: a plain close will do
                }
            }
            loop.closeNow(channel);
        }
        proxy.connectionClosed(this);
    }
}
