package io.faultline.harness.control;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.faultline.core.db.Db;
import io.faultline.core.node.Attachable;
import io.faultline.core.node.HasConsole;
import io.faultline.core.node.HasStatus;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.proxy.FaultProxyServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster that {@code faultline cluster up} keeps running between commands: the system's Db
 * (on the chosen runtime) with every link it routes going through an embedded fault proxy (as in
 * {@code faultline test}), the faults a user injects by hand, and what the Db's optional abilities
 * offer: its status ({@link HasStatus}), reads and writes by hand ({@link HasConsole}), and what a
 * client of {@code faultline load} needs to join it ({@link Attachable}). The control endpoint
 * ({@link ControlServer}) serves it.
 *
 * <p>Lifecycle: {@link #start} returns when the Db is set up; {@link #close()} stops every process
 * and proxy (idempotent). Thread-safe.
 */
public final class ClusterDaemon implements AutoCloseable {

    private final DaemonOptions options;
    private final FaultProxyServer proxy;
    private final LinkTable links;
    private final Db db;
    private final List<String> extraHosts;
    private final FaultControl faults;
    private boolean closed;

    private ClusterDaemon(DaemonOptions options, FaultProxyServer proxy, LinkTable links, Db db) {
        this.options = options;
        this.proxy = proxy;
        this.links = links;
        this.db = db;
        this.extraHosts = options.system().extraHosts(options.options());
        LinkLatency latency = new LinkLatency(new ToxiproxyClient(proxy.host(), proxy.port()), links);
        this.faults = new FaultControl(db, ProxyNet.over(links), latency, extraHosts);
    }

    /**
     * Starts the fault proxy and the system, and waits until it serves.
     *
     * @throws io.faultline.core.db.DbStartException naming the cause; nothing keeps running
     */
    public static ClusterDaemon start(DaemonOptions o) throws Exception {
        String listenHost = o.system().proxyHost(o.runtime());
        FaultProxyServer proxy = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        LinkTable links = null;
        Db db = null;
        try {
            links = listenHost.equals("127.0.0.1") ? LinkTable.over(proxy)
                    : LinkTable.over(new ToxiproxyClient(proxy.host(), proxy.port()), listenHost);
            db = o.system().db(o.options(), o.runtime(), links::route);
            db.setup();
            return new ClusterDaemon(o, proxy, links, db);
        } catch (Exception e) {
            if (db != null) db.close();
            if (links != null) links.close();
            proxy.close();
            throw e;
        }
    }

    /** The state file's content for this daemon, reachable at {@code controlUrl}. */
    public ClusterState state(String controlUrl, String log) {
        return new ClusterState(ProcessHandle.current().pid(), controlUrl, options.system().name(), options.runtime(),
                options.options().values(), db.nodes(), extraHosts, db instanceof Attachable a ? a.attachment() : Map.of(), log);
    }

    /** Every node's state, the system's own status, and the faults in effect. */
    public ClusterStatus status() throws Exception {
        List<ClusterStatus.Node> nodes = new ArrayList<>();
        for (String n : db.nodes()) nodes.add(new ClusterStatus.Node(n, faults.state(n)));
        HasStatus.Status own = db instanceof HasStatus s ? s.status(faults::state) : new HasStatus.Status("", List.of());
        return new ClusterStatus(ProcessHandle.current().pid(), options.system().name(), own.summary(), nodes, own.lines(),
                faults.partitionInEffect(), faults.cutLinks(), faults.latencyInEffect());
    }

    /** The faults a user injects. */
    FaultControl faults() {
        return faults;
    }

    /**
     * Writes by hand, through the system's client or straight to {@code node}.
     *
     * @throws ControlRefusal for an unknown node, or a system that takes no writes by hand
     */
    HasConsole.Reply write(String key, String value, String node) throws Exception {
        if (node != null) faults.requireNode(node);
        return console().write(key, value, node, faults::state);
    }

    /** Reads by hand on {@code node}, or on every node. */
    HasConsole.Reply read(String key, String node) throws Exception {
        if (node != null) faults.requireNode(node);
        return console().read(key, node, faults::state);
    }

    private HasConsole console() {
        if (db instanceof HasConsole c) return c;
        throw new ControlRefusal("system " + options.system().name() + " takes no reads or writes by hand");
    }

    /**
     * Where a client outside the daemon should dial to reach {@code to}: a proxy of the link table,
     * so that the client's links are proxied like the cluster's own (and outside partitions unless a
     * grudge names the client).
     */
    InetSocketAddress route(String from, String to, String kind, InetSocketAddress target) {
        faults.requireNode(to);
        if (!from.startsWith("client")) throw new ControlRefusal("only clients ask for routes; '" + from + "' is not a client name");
        return links.route(from, to, kind, target);
    }

    /** Stops the system, then the proxies and the proxy server. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            db.close();
        } catch (Exception e) {
            System.err.println("faultline: could not stop the system under test: " + e);
        } finally {
            try {
                links.close();
            } finally {
                proxy.close();
            }
        }
    }
}
