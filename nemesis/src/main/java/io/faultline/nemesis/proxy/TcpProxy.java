package io.faultline.nemesis.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One named TCP proxy: a listener that forwards each accepted connection to the upstream through
 * the proxy's toxics.
 *
 * <p>Thread-safe: the control methods (enable, disable, toxics) may be called from any thread, are
 * serialized, and return when the change is in effect on every open connection. I/O runs on
 * event loops owned by the server.
 */
final class TcpProxy {

    private final String name;
    private final EventLoop acceptLoop;
    private final Supplier<EventLoop> loops;
    private final Object state = new Object();
    // guarded by state
    private final List<Toxic> toxics = new ArrayList<>();
    private final Set<Connection> connections = new HashSet<>();
    private String listen;
    private String upstream;
    private InetSocketAddress upstreamAddress;
    private boolean enabled;
    private ServerSocketChannel listener;

    private TcpProxy(String name, String listen, String upstream, EventLoop acceptLoop, Supplier<EventLoop> loops) {
        this.name = name;
        this.listen = listen;
        this.acceptLoop = acceptLoop;
        this.loops = loops;
        setUpstream(upstream);
    }

    /** A disabled proxy; {@link #enable()} starts listening. */
    static TcpProxy create(String name, String listen, String upstream, EventLoop acceptLoop,
                           Supplier<EventLoop> loops) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("missing required field: name");
        if (upstream == null || upstream.isEmpty()) throw new IllegalArgumentException("missing required field: upstream");
        return new TcpProxy(name, listen == null || listen.isEmpty() ? "127.0.0.1:0" : listen, upstream, acceptLoop, loops);
    }

    String name() {
        return name;
    }

    /** The proxy's description: name, listen (the bound address once enabled), upstream, enabled, toxics. */
    ProxyView view() {
        synchronized (state) {
            return new ProxyView(name, listen, upstream, enabled, List.copyOf(toxics));
        }
    }

    /** Starts listening, on the address it listened on before if it was enabled once. Idempotent. */
    synchronized void enable() {
        synchronized (state) {
            if (enabled) return;
        }
        InetSocketAddress address = HostPort.parse(listen, "listen");
        ServerSocketChannel channel = acceptLoop.call(() -> {
            try {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(address, 1024);
                server.configureBlocking(false);
                acceptLoop.register(server, SelectionKey.OP_ACCEPT, key -> accept(server));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("proxy " + name + " cannot listen on " + address + ": " + e.getMessage(), e);
            }
        });
        synchronized (state) {
            listener = channel;
            listen = HostPort.format((InetSocketAddress) socketAddress(channel));
            enabled = true;
        }
    }

    /** Closes the listener and cuts every connection. Idempotent. */
    synchronized void disable() {
        ServerSocketChannel channel;
        List<Connection> open;
        synchronized (state) {
            if (!enabled) return;
            enabled = false;
            channel = listener;
            listener = null;
            open = new ArrayList<>(connections);
        }
        acceptLoop.run(() -> acceptLoop.closeNow(channel));
        for (Connection connection : open) {
            connection.loop().run(() -> connection.close(false));
        }
    }

    boolean isEnabled() {
        synchronized (state) {
            return enabled;
        }
    }

    /** Changes the listen address (re-listening when enabled) and the upstream for new connections. */
    synchronized void update(String newListen, String newUpstream) {
        if (newUpstream != null && !newUpstream.equals(upstream)) setUpstream(newUpstream);
        if (newListen != null && !newListen.equals(listen)) {
            boolean wasEnabled = isEnabled();
            disable();
            synchronized (state) {
                listen = newListen;
            }
            if (wasEnabled) enable();
        }
    }

    private void setUpstream(String value) {
        InetSocketAddress address = HostPort.parse(value, "upstream");
        synchronized (state) {
            upstream = value;
            upstreamAddress = address;
        }
    }

    Optional<Toxic> toxic(String toxicName) {
        synchronized (state) {
            return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst();
        }
    }

    /**
     * Adds a toxic and applies it to every open connection before returning.
     *
     * @throws IllegalStateException when a toxic of that name exists
     */
    synchronized void addToxic(Toxic toxic) {
        List<Connection> open;
        synchronized (state) {
            if (toxics.stream().anyMatch(t -> t.name().equals(toxic.name()))) {
                throw new IllegalStateException("toxic already exists: " + toxic.name() + " on proxy " + name);
            }
            toxics.add(toxic);
            open = new ArrayList<>(connections);
        }
        forEach(open, connection -> connection.apply(toxic));
    }

    /** Replaces a toxic of the same name and applies the new version to every open connection. */
    synchronized void updateToxic(Toxic toxic) {
        List<Connection> open;
        synchronized (state) {
            toxics.replaceAll(t -> t.name().equals(toxic.name()) ? toxic : t);
            open = new ArrayList<>(connections);
        }
        forEach(open, connection -> connection.apply(toxic));
    }

    /** Removes a toxic; returns false when there was none of that name. */
    synchronized boolean removeToxic(String toxicName) {
        Toxic removed;
        List<Connection> open;
        synchronized (state) {
            removed = toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst().orElse(null);
            if (removed == null) return false;
            toxics.remove(removed);
            open = new ArrayList<>(connections);
        }
        forEach(open, connection -> connection.remove(removed));
        return true;
    }

    /** Removes every toxic. */
    synchronized void removeAllToxics() {
        for (Toxic toxic : view().toxics()) removeToxic(toxic.name());
    }

    /** Runs the change on each connection's loop, one call per loop, and waits for all. */
    private static void forEach(List<Connection> open, java.util.function.Consumer<Connection> change) {
        Map<EventLoop, List<Connection>> byLoop = new java.util.IdentityHashMap<>();
        for (Connection connection : open) {
            byLoop.computeIfAbsent(connection.loop(), l -> new ArrayList<>()).add(connection);
        }
        byLoop.forEach((loop, group) -> loop.run(() -> group.forEach(change)));
    }

    int connectionCount() {
        synchronized (state) {
            return connections.size();
        }
    }

    private void accept(ServerSocketChannel server) {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (client == null) return;
            EventLoop loop = loops.get();
            Connection connection;
            InetSocketAddress target;
            List<Toxic> current;
            try {
                connection = new Connection(this, loop, client);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            synchronized (state) {
                if (!enabled) {
                    connection.abandon();
                    return;
                }
                connections.add(connection);
                target = upstreamAddress;
                current = List.copyOf(toxics);
            }
            loop.execute(() -> connection.start(target, current));
        }
    }

    void connectionClosed(Connection connection) {
        synchronized (state) {
            connections.remove(connection);
        }
    }

    private static java.net.SocketAddress socketAddress(ServerSocketChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    /** An immutable snapshot of a proxy, as the API shows it. */
    record ProxyView(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {
    }
}
