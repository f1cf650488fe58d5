package io.faultline.harness.control;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.faultline.harness.plan.DockerRuntime;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.link.Link;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.sut.client.Replication;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.LocalCluster;
import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.OnLeaseLoss;
import io.faultline.sut.link.LinkKind;
import io.faultline.sut.link.LinkRouter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster that {@code faultline cluster up} keeps running between commands: the system under
 * test (local processes, or Redis containers with {@code --runtime docker}) with every link routed
 * through an embedded fault proxy (as in {@code faultline test}), the
 * faults a user injects by hand, reads and writes by hand, and its status. The control endpoint
 * ({@link ControlServer}) serves it.
 *
 * <p>Lifecycle: {@link #start} returns when every group has a serving master; {@link #close()} stops
 * every process and proxy (idempotent). Thread-safe.
 */
public final class ClusterDaemon implements AutoCloseable {

    private final DaemonOptions options;
    private final FaultProxyServer proxy;
    private final LinkTable links;
    private final Cluster cluster;
    private final List<String> zookeepers;
    private final FaultControl faults;
    private final KeyValues keyValues;
    private boolean closed;

    private ClusterDaemon(DaemonOptions options, FaultProxyServer proxy, LinkTable links, Cluster cluster) {
        this.options = options;
        this.proxy = proxy;
        this.links = links;
        this.cluster = cluster;
        this.zookeepers = Grudges.zookeeperServers(options.zookeepers());
        LinkLatency latency = new LinkLatency(new ToxiproxyClient(proxy.host(), proxy.port()), links);
        this.faults = new FaultControl(cluster, ProxyNet.over(links), latency, zookeepers, this::leaseHolders);
        this.keyValues = new KeyValues(cluster, faults);
    }

    /**
     * Starts the fault proxy and the cluster, and waits until it serves.
     *
     * @throws io.faultline.sut.cluster.ClusterStartException naming the cause; nothing keeps running
     */
    public static ClusterDaemon start(DaemonOptions o) {
        boolean docker = o.runtime().equals("docker");
        String dockerListenHost = docker ? DockerRuntime.proxyListenHost() : null;
        FaultProxyServer proxy = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        LinkTable links = null;
        Cluster cluster = null;
        try {
            LinkTable table = docker ? DockerRuntime.links(proxy, dockerListenHost) : LinkTable.over(proxy);
            links = table;
            LinkRouter router = (from, to, kind, target) -> table.route(from, to, kind.name(), target);
            ClusterSpec.Builder spec = ClusterSpec.builder().nodes(o.nodes()).groups(o.groups()).zookeepers(o.zookeepers())
                    .sessionTimeout(o.sessionTimeout()).replication(Replication.parse(o.replication()))
                    .onLeaseLoss(OnLeaseLoss.parse(o.onLeaseLoss()));
            if (o.redisBinary() != null) spec.redisBinary(o.redisBinary());
            ClusterSpec clusterSpec = spec.build();
            cluster = docker ? DockerRuntime.cluster(clusterSpec, router).get() : LocalCluster.create(clusterSpec, router);
            cluster.start();
            return new ClusterDaemon(o, proxy, table, cluster);
        } catch (RuntimeException e) {
            if (cluster != null) cluster.close();
            if (links != null) links.close();
            proxy.close();
            throw e;
        }
    }

    /** The state file's content for this daemon, reachable at {@code controlUrl}. */
    public ClusterState state(String controlUrl, String log) {
        return new ClusterState(ProcessHandle.current().pid(), controlUrl, options.runtime(), cluster.nodes(), zookeepers,
                cluster.zookeeperConnectString(), options.replication(), options.onLeaseLoss(),
                cluster.spec().virtualNodes(), log);
    }

    /** Every node's state and role, every group's lease, and the faults in effect. */
    public ClusterStatus status() throws Exception {
        Map<Integer, String> portToNode = new HashMap<>();
        for (String n : cluster.nodes()) portToNode.put(cluster.redisAddress(n).getPort(), n);
        for (Link l : links.links()) { // replicas dial their master through the link's proxy
            if (cluster.nodes().contains(l.to())) portToNode.put(links.route(l.from(), l.to(), l.kind(), l.target()).getPort(), l.to());
        }
        List<ClusterStatus.Node> nodes = new ArrayList<>();
        for (String n : cluster.nodes()) {
            String state = faults.state(n);
            InetSocketAddress redis = cluster.redisAddress(n);
            nodes.add(state.equals("running") ? NodeProbe.probe(n, cluster.groupOf(n), redis, portToNode)
                    : new ClusterStatus.Node(n, cluster.groupOf(n), state, "-", null, false, -1,
                    redis.getHostString() + ":" + redis.getPort()));
        }
        List<ClusterStatus.Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : cluster.groups().entrySet()) {
            Optional<Lease> lease = cluster.leaseStatus().lease(g.getKey());
            groups.add(new ClusterStatus.Group(g.getKey(), g.getValue(), lease.map(Lease::node).orElse(null),
                    lease.map(Lease::epoch).orElse(-1L)));
        }
        return new ClusterStatus(ProcessHandle.current().pid(), options.replication(), options.onLeaseLoss(), nodes,
                groups, faults.partitionInEffect(), faults.cutLinks(), faults.latencyInEffect());
    }

    /** The faults a user injects. */
    FaultControl faults() {
        return faults;
    }

    /** Reads and writes by hand. */
    KeyValues keyValues() {
        return keyValues;
    }

    /**
     * Where a client outside the daemon should dial to reach {@code to}: a proxy of the link table,
     * so that the client's links are proxied like the cluster's own (and outside partitions unless a
     * grudge names the client).
     */
    InetSocketAddress route(String from, String to, String kind, InetSocketAddress target) {
        LinkKind.valueOf(kind);
        faults.requireNode(to);
        if (!from.startsWith("client")) throw new ControlRefusal("only clients ask for routes; '" + from + "' is not a client name");
        return links.route(from, to, kind, target);
    }

    private Set<String> leaseHolders() throws Exception {
        Set<String> holders = new TreeSet<>();
        for (Optional<Lease> lease : cluster.leaseStatus().leases().values()) lease.ifPresent(l -> holders.add(l.node()));
        return holders;
    }

    /** Stops the cluster, then the proxies and the proxy server. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            keyValues.close();
        } finally {
            try {
                cluster.close();
            } finally {
                try {
                    links.close();
                } finally {
                    proxy.close();
                }
            }
        }
    }
}
