package io.faultline.nemesis.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The proxies of one server, by name.
 *
 * <p>Thread-safe; operations on different proxies may run concurrently.
 */
final class ProxyRegistry {

    private final EventLoop acceptLoop;
    private final Supplier<EventLoop> loops;
    private final Map<String, TcpProxy> proxies = new LinkedHashMap<>();

    ProxyRegistry(EventLoop acceptLoop, Supplier<EventLoop> loops) {
        this.acceptLoop = acceptLoop;
        this.loops = loops;
    }

    /**
     * Creates a proxy and, when {@code enabled}, starts it listening.
     *
     * @throws ApiException 409 when the name is taken, 400 for a bad field
     */
    TcpProxy create(String name, String listen, String upstream, boolean enabled) {
        TcpProxy proxy;
        try {
            proxy = TcpProxy.create(name, listen, upstream, acceptLoop, loops);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        synchronized (proxies) {
            if (proxies.containsKey(name)) throw new ApiException(409, "proxy already exists: " + name);
            proxies.put(name, proxy);
        }
        if (enabled) {
            try {
                proxy.enable();
            } catch (RuntimeException e) {
                synchronized (proxies) {
                    proxies.remove(name);
                }
                throw new ApiException(500, e.getMessage());
            }
        }
        return proxy;
    }

    /** @throws ApiException 404 when there is no such proxy */
    TcpProxy get(String name) {
        synchronized (proxies) {
            TcpProxy proxy = proxies.get(name);
            if (proxy == null) throw ApiException.notFound("proxy " + name);
            return proxy;
        }
    }

    List<TcpProxy> all() {
        synchronized (proxies) {
            return new ArrayList<>(proxies.values());
        }
    }

    /** Disables and forgets a proxy; @throws ApiException 404 when there is none. */
    void remove(String name) {
        TcpProxy proxy;
        synchronized (proxies) {
            proxy = proxies.remove(name);
        }
        if (proxy == null) throw ApiException.notFound("proxy " + name);
        proxy.disable();
    }

    /** Enables every proxy and removes every toxic (Toxiproxy's {@code /reset}). */
    void reset() {
        for (TcpProxy proxy : all()) {
            proxy.enable();
            proxy.removeAllToxics();
        }
    }

    /** Disables and forgets every proxy. */
    void clear() {
        for (TcpProxy proxy : all()) {
            remove(proxy.name());
        }
    }
}
