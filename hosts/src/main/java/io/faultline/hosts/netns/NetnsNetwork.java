package io.faultline.hosts.netns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private network of one netns run: a switch namespace holding a bridge, one namespace per host
 * with its own address on the bridge, and the control veth through which the harness (in the root
 * namespace, at {@link AddressRange#bridge()}) reaches every host, as a Jepsen control node does.
 * Bridged traffic never passes the root namespace's firewall (the bridge lives in its own
 * namespace), and the only root-namespace change is the control veth with its address, which routes
 * the run's range and nothing else.
 *
 * <p>Each host namespace also holds a shell of the {@link PacketFilter}'s ({@code sh}, see
 * {@link NamespaceShell}). Lifecycle: {@link #create} records the run ({@link NetnsLeftovers}) and then makes everything;
 * {@link #close()} kills every process left in the namespaces, deletes them and the control veth,
 * and forgets the record. Idempotent; also cleans up after a failed create. Thread-safe.
 */
public final class NetnsNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetnsNetwork.class);

    private final NetnsNames names;
    private final AddressRange range;
    private final IpCommands ip;
    private final Map<String, String> addresses;
    private final NetnsLeftovers records;
    private final PacketFilter filter;
    private boolean closed;

    private NetnsNetwork(NetnsNames names, AddressRange range, List<String> hosts, NetnsLeftovers records) {
        this.names = names;
        this.range = range;
        this.ip = new IpCommands(names, range);
        Map<String, String> a = new LinkedHashMap<>();
        for (String host : hosts) {
            a.put(host, range.host(a.size()));
        }
        this.addresses = Collections.unmodifiableMap(a);
        this.records = records;
        this.filter = new PacketFilter(ip, addresses);
    }

    /**
     * Makes the network for {@code hosts} (e.g. {@code n1..n5, zk1..zk3}), in {@code range}.
     *
     * @throws NetnsException naming the command that failed (everything made is removed again), or
     *                        when a live harness uses the range
     */
    public static NetnsNetwork create(AddressRange range, List<String> hosts, NetnsLeftovers records) {
        NetnsNames names = NetnsNames.fresh();
        NetnsNetwork net = new NetnsNetwork(names, range, hosts, records);
        hosts.forEach(names::hostLink); // names too long fail before anything is made
        records.record(names, range);
        try {
            net.ip.createSwitch().forEach(c -> Shell.check(c, null));
            for (Map.Entry<String, String> host : net.addresses.entrySet()) {
                net.ip.createHost(host.getKey(), host.getValue()).forEach(c -> Shell.check(c, null));
                Shell.check(net.ip.inNamespace(host.getKey(), IpCommands.restore()), IpCommands.chains());
            }
            net.filter.open();
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /** The names of this run's objects. */
    public NetnsNames names() {
        return names;
    }

    /** The hosts, in order. */
    public List<String> hosts() {
        return List.copyOf(addresses.keySet());
    }

    /** The harness's (control node's) address on the bridge. */
    public String bridgeAddress() {
        return range.bridge();
    }

    /** The address of {@code host} on the bridge. */
    public String address(String host) {
        String a = addresses.get(host);
        if (a == null) throw new IllegalArgumentException("no netns host '" + host + "', have " + addresses.keySet());
        return a;
    }

    /** The words that run a command in {@code host}'s namespace: {@code ip netns exec fl-<run>-<host>}. */
    public List<String> launcher(String host) {
        address(host);
        return ip.inNamespace(host, List.of());
    }

    /** The pids of the processes in {@code host}'s namespace now. */
    public List<Long> pids(String host) {
        return NetnsLeftovers.pids(names.namespace(host));
    }

    /** The hosts' packet filters: partitions, loss, rate. */
    public PacketFilter filter() {
        return filter;
    }

    /** Kills every process left in the namespaces, deletes the namespaces and the control veth, forgets the run. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        filter.close();
        List<String> namespaces = new ArrayList<>();
        addresses.keySet().forEach(h -> namespaces.add(names.namespace(h)));
        namespaces.add(names.switchNamespace());
        for (String ns : namespaces) {
            int killed = NetnsLeftovers.killAll(ns);
            if (killed > 0) LOG.warn("killed {} processes left in namespace {}", killed, ns);
            Shell.run(IpCommands.deleteNamespace(ns), null);
        }
        Shell.run(IpCommands.deleteLink(names.controlLink()), null); // gone with the switch namespace, normally
        records.forget(names.run());
    }
}
