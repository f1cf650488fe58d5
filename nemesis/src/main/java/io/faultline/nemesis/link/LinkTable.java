package io.faultline.nemesis.link;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.faultline.nemesis.proxy.FaultProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The link table: one proxy per link of the cluster, each with its own listen port, created
 * through the Toxiproxy API, so that it works the same over the embedded {@link FaultProxyServer}
 * and over a real Toxiproxy.
 *
 * <p>The system under test asks {@link #route} where {@code from} should connect to reach
 * {@code to}; an adapter to its {@code LinkRouter} is the lambda
 * {@code (from, to, kind, target) -> table.route(from, to, kind.name(), target)}.
 *
 * <p>Thread-safe. {@link #close()} deletes every proxy the table created.
 */
public final class LinkTable implements AutoCloseable {

    private final ToxiproxyClient client;
    private final String listenHost;
    private final Map<Link, Proxy> proxies = new LinkedHashMap<>();
    private final Map<Link, InetSocketAddress> routes = new LinkedHashMap<>();

    private LinkTable(ToxiproxyClient client, String listenHost) {
        this.client = client;
        this.listenHost = listenHost;
    }

    /** A table over the embedded fault proxy. */
    public static LinkTable over(FaultProxyServer server) {
        return new LinkTable(new ToxiproxyClient(server.host(), server.port()), "127.0.0.1");
    }

    /** A table over the Toxiproxy API at a URL such as {@code http://127.0.0.1:8474}; proxies listen on 127.0.0.1. */
    public static LinkTable over(String url) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (uri.getHost() == null) throw new IllegalArgumentException("Toxiproxy URL needs a host: " + url);
        return over(new ToxiproxyClient(uri.getHost(), uri.getPort() < 0 ? 8474 : uri.getPort()), "127.0.0.1");
    }

    /**
     * A table over any Toxiproxy API client.
     *
     * @param listenHost the address the proxies listen on, e.g. {@code 127.0.0.1} (or {@code 0.0.0.0}
     *                   in a container); their ports are picked by the proxy
     */
    public static LinkTable over(ToxiproxyClient client, String listenHost) {
        return new LinkTable(Objects.requireNonNull(client, "client"), Objects.requireNonNull(listenHost, "listenHost"));
    }

    /**
     * The address {@code from} should connect to in order to reach {@code to} at {@code target}:
     * the listen address of the link's proxy, created on first use. The same link always gets the
     * same address.
     *
     * @throws UncheckedIOException when the proxy cannot be created, naming the link
     */
    public synchronized InetSocketAddress route(String from, String to, String kind, InetSocketAddress target) {
        Link link = new Link(from, to, kind, target);
        InetSocketAddress known = routes.get(link);
        if (known != null) return known;
        String name = proxyName(link);
        String upstream = target.getHostString() + ":" + target.getPort();
        try {
            Proxy proxy = client.createProxy(name, listenHost + ":0", upstream);
            proxies.put(link, proxy);
            InetSocketAddress listen = parse(proxy.getListen());
            routes.put(link, listen);
            return listen;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the proxy " + name + " for link " + link + ": " + e.getMessage(), e);
        }
    }

    /** Every link routed so far, in the order they were routed. */
    public synchronized List<Link> links() {
        return List.copyOf(routes.keySet());
    }

    /** The proxy of a link (for the nemesis to put toxics on). */
    synchronized Proxy proxy(Link link) {
        Proxy proxy = proxies.get(link);
        if (proxy == null) throw new IllegalArgumentException("no proxy for link " + link);
        return proxy;
    }

    /** Deletes every proxy of the table; their ports close and their connections are cut. */
    @Override
    public synchronized void close() {
        List<String> failures = new ArrayList<>();
        for (Proxy proxy : proxies.values()) {
            try {
                proxy.delete();
            } catch (IOException e) {
                failures.add(proxy.getName() + ": " + e.getMessage());
            }
        }
        proxies.clear();
        routes.clear();
        if (!failures.isEmpty()) throw new UncheckedIOException(new IOException("cannot delete proxies " + failures));
    }

    private String proxyName(Link link) {
        String base = sanitize(link.from()) + "--" + sanitize(link.to()) + "--" + sanitize(link.kind());
        String name = base;
        int n = 2;
        while (nameTaken(name)) name = base + "-" + n++;
        return name;
    }

    private boolean nameTaken(String name) {
        return proxies.values().stream().anyMatch(p -> p.getName().equals(name));
    }

    private static String sanitize(String part) {
        return part.replaceAll("[^A-Za-z0-9_.]", "_");
    }

    private static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.isEmpty() || host.equals("[::]") || host.equals("0.0.0.0")) host = "127.0.0.1";
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
