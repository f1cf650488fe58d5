package io.faultline.sut.client;

import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.ring.HashRing;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ShardedClient} connects. Build with {@link #builder(String)}.
 *
 * @param zookeeper      ZooKeeper connect string where the cluster keeps its layout and leases
 * @param clientId       the "from" side of this client's links, e.g. "client" or "p3"
 * @param router         routes client → node links
 * @param replication    async, or sync (WAIT for every replica of the group)
 * @param reads          plain, or fenced (a read is OK only once every replica has acknowledged a
 *                       write made after it; see {@link ReadMode})
 * @param socketTimeout  Redis read timeout; must exceed {@code waitTimeout}
 * @param connectTimeout Redis connect timeout
 * @param waitTimeout    how long WAIT waits for replicas (sync only)
 * @param virtualNodes   points per group on the ring
 * @param probes         probes per key on the ring
 * @param poolSize       max connections per node
 */
public record ClientConfig(String zookeeper, String clientId, LinkRouter router, Replication replication,
                           ReadMode reads, Duration socketTimeout, Duration connectTimeout, Duration waitTimeout,
                           int virtualNodes, int probes, int poolSize) {

    public ClientConfig {
        Objects.requireNonNull(zookeeper, "zookeeper");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(reads, "reads");
        if (socketTimeout.compareTo(waitTimeout) <= 0) {
            throw new IllegalArgumentException("socketTimeout (" + socketTimeout + ") must exceed waitTimeout (" + waitTimeout + ")");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        if (virtualNodes < 1 || probes < 1 || poolSize < 1) {
            throw new IllegalArgumentException("virtualNodes, probes and poolSize must be >= 1, were "
                    + virtualNodes + ", " + probes + ", " + poolSize);
        }
    }

    public static Builder builder(String zookeeper) {
        return new Builder(zookeeper);
    }

    public Builder toBuilder() {
        return new Builder(zookeeper).clientId(clientId).router(router).replication(replication).reads(reads)
                .socketTimeout(socketTimeout).connectTimeout(connectTimeout).waitTimeout(waitTimeout)
                .virtualNodes(virtualNodes).probes(probes).poolSize(poolSize);
    }

    /** Defaults: client id "client", direct links, async, plain reads, socket 1s, connect 500ms, WAIT 500ms, 128 virtual nodes, 8 probes, 32 connections per node. */
    public static final class Builder {
        private final String zookeeper;
        private String clientId = "client";
        private LinkRouter router = LinkRouter.direct();
        private Replication replication = Replication.ASYNC;
        private ReadMode reads = ReadMode.PLAIN;
        private Duration socketTimeout = Duration.ofMillis(1000);
        private Duration connectTimeout = Duration.ofMillis(500);
        private Duration waitTimeout = Duration.ofMillis(500);
        private int virtualNodes = HashRing.DEFAULT_VIRTUAL_NODES;
        private int probes = HashRing.DEFAULT_PROBES;
        private int poolSize = 32;

        private Builder(String zookeeper) {
            this.zookeeper = zookeeper;
        }

        public Builder clientId(String v) { clientId = v; return this; }
        public Builder router(LinkRouter v) { router = v; return this; }
        public Builder replication(Replication v) { replication = v; return this; }
        public Builder reads(ReadMode v) { reads = v; return this; }
        public Builder socketTimeout(Duration v) { socketTimeout = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder waitTimeout(Duration v) { waitTimeout = v; return this; }
        public Builder virtualNodes(int v) { virtualNodes = v; return this; }
        public Builder probes(int v) { probes = v; return this; }
        public Builder poolSize(int v) { poolSize = v; return this; }

        public ClientConfig build() {
            return new ClientConfig(zookeeper, clientId, router, replication, reads, socketTimeout, connectTimeout,
                    waitTimeout, virtualNodes, probes, poolSize);
        }
    }
}
