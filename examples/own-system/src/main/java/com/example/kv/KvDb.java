package com.example.kv;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key-value store as Faultline sees it: three nodes in this JVM, {@code n1} the primary and
 * {@code n2}, {@code n3} its replicas. Every link (the clients' to {@code n1}, {@code n1}'s to each
 * replica) is dialled where the harness's {@link LinkRouter} says, so the nemesis can cut it.
 * {@link Killable}: a killed node forgets everything; a restarted primary first copies the set
 * of {@code n2} (the recovery of a real system from a replica), then serves again on its port.
 * {@link HasPrimaries}: {@code n1}. Thread-safe.
 */
final class KvDb implements Db, Killable, HasPrimaries {

    static final List<String> NODES = List.of("n1", "n2", "n3");

    private final boolean bug;
    private final LinkRouter links;
    private final Map<String, KvNode> running = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    KvDb(boolean bug, LinkRouter links) {
        this.bug = bug;
        this.links = links;
    }

    @Override
    public List<String> nodes() {
        return NODES;
    }

    @Override
    public synchronized void setup() throws IOException {
        for (String replica : List.of("n2", "n3")) {
            KvNode node = new KvNode(replica, 0, Set.of(), null);
            running.put(replica, node);
            ports.put(replica, node.port());
        }
        startPrimary(0, Set.of());
    }

    private void startPrimary(int port, Set<Long> initial) throws IOException {
        List<InetSocketAddress> replicas = new ArrayList<>();
        for (String r : List.of("n2", "n3")) replicas.add(links.route("n1", r, "REPLICATION", address(r)));
        KvNode primary = new KvNode("n1", port, initial, new Replicator(replicas, bug));
        running.put("n1", primary);
        ports.put("n1", primary.port());
    }

    /** The harness's router of every link. */
    LinkRouter links() {
        return links;
    }

    /** Where the node listens (not routed). */
    synchronized InetSocketAddress address(String node) {
        Integer port = ports.get(node);
        if (port == null) throw new IllegalStateException(node + " was never started");
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public synchronized void kill(String node) {
        KvNode n = running.remove(node);
        if (n != null) n.stop();
    }

    @Override
    public synchronized void start(String node) throws IOException {
        if (running.containsKey(node)) return;
        if (node.equals("n1")) {
            KvNode source = running.get("n2");
            startPrimary(ports.get("n1"), source == null ? Set.of() : source.values());
        } else {
            KvNode primary = running.get("n1");
            Set<Long> copy = primary == null ? new TreeSet<>() : primary.values();
            running.put(node, new KvNode(node, ports.get(node), copy, null));
        }
    }

    @Override
    public Set<String> primaries() {
        return Set.of("n1");
    }

    @Override
    public synchronized void close() {
        running.values().forEach(KvNode::stop);
        running.clear();
    }
}
