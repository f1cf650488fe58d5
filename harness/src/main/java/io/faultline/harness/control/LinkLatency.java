package io.faultline.harness.control;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.faultline.nemesis.link.Link;
import io.faultline.nemesis.link.LinkTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Latency on the links between two named ends ({@code n1-n2}: every link from either to the other,
 * of every kind), through the fault proxy's Toxiproxy API. Finds each link's proxy by the address
 * the link table routed it to. Not thread-safe: the daemon serializes faults.
 */
final class LinkLatency {

    private static final String UP = "cli-latency-up";
    private static final String DOWN = "cli-latency-down";

    private final ToxiproxyClient api;
    private final LinkTable links;
    private final List<Toxic> applied = new ArrayList<>();

    LinkLatency(ToxiproxyClient api, LinkTable links) {
        this.api = api;
        this.links = links;
    }

    /**
     * Adds the latency both ways on every link between {@code a} and {@code b}, replacing latency
     * this object added before.
     *
     * @return how many links now carry it
     */
    int apply(String a, String b, Duration latency) throws IOException {
        clear();
        List<Link> between = links.links().stream()
                .filter(l -> (l.from().equals(a) && l.to().equals(b)) || (l.from().equals(b) && l.to().equals(a)))
                .toList();
        List<Proxy> proxies = api.getProxies();
        for (Link link : between) {
            InetSocketAddress listen = links.route(link.from(), link.to(), link.kind(), link.target());
            for (Proxy p : proxies) {
                if (p.getListen().endsWith(":" + listen.getPort())) {
                    applied.add(p.toxics().latency(UP, ToxicDirection.UPSTREAM, latency.toMillis()));
                    applied.add(p.toxics().latency(DOWN, ToxicDirection.DOWNSTREAM, latency.toMillis()));
                }
            }
        }
        return between.size();
    }

    /** Removes the latency this object added. */
    void clear() throws IOException {
        IOException first = null;
        for (Toxic t : applied) {
            try {
                t.remove();
            } catch (IOException e) {
                if (first == null && !String.valueOf(e.getMessage()).contains("404")) first = e;
            }
        }
        applied.clear();
        if (first != null) throw first;
    }
}
