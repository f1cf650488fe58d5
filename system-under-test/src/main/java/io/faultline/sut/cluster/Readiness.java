package io.faultline.sut.cluster;

import io.faultline.sut.lease.Lease;
import io.faultline.sut.lease.LeaseStatus;
import io.faultline.sut.redis.RedisServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import redis.clients.jedis.Jedis;

/**
 * The cluster is ready when every group has a lease holder whose Redis is master (and, if required,
 * reports a good replica for min-replicas-to-write) and every other member's Redis has its
 * replication link to it up. Used by {@link ClusterCore#awaitReady}.
 */
final class Readiness {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int REDIS_TIMEOUT_MILLIS = 500;

    private final LeaseStatus admin;
    private final Map<String, List<String>> groups;
    private final Function<String, InetSocketAddress> redis;
    private final boolean goodReplicaRequired;

    /**
     * @param redis               node to where this host reaches its Redis
     * @param goodReplicaRequired whether a master reporting {@code min_slaves_good_slaves:0} is not ready yet
     */
    Readiness(LeaseStatus admin, Map<String, List<String>> groups, Function<String, InetSocketAddress> redis,
              boolean goodReplicaRequired) {
        this.admin = admin;
        this.groups = groups;
        this.redis = redis;
        this.goodReplicaRequired = goodReplicaRequired;
    }

    /**
     * Polls every 100 ms until ready or {@code timeout}.
     *
     * @throws ClusterStartException {@code failure + timeout + ": " + last problem + hint}, then the
     *                               end of each agent's log; or if interrupted
     */
    void await(Duration timeout, Collection<? extends ClusterNode> nodes, String failure, String hint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem;
        while ((problem = problem().orElse(null)) != null) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (ClusterNode n : nodes) {
                    logs.append("\n").append(n.id()).append(n.agent().isAlive() ? "" : " (agent exited)")
                            .append(" agent.log: ").append(RedisServer.tail(n.agent().log()));
                }
                throw new ClusterStartException(failure + timeout + ": " + problem + hint + logs);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterStartException("interrupted while waiting for the cluster", e);
            }
        }
    }

    /** The first thing not ready yet, if any. */
    Optional<String> problem() {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            Optional<Lease> lease;
            try {
                lease = admin.lease(group.getKey());
            } catch (Exception e) {
                return Optional.of("cannot read the lease of " + group.getKey() + ": " + e);
            }
            if (lease.isEmpty()) {
                return Optional.of(group.getKey() + " has no lease holder (no agent of " + group.getValue()
                        + " has reached ZooKeeper)");
            }
            String master = lease.get().node();
            for (String node : group.getValue()) {
                InetSocketAddress a = redis.apply(node);
                String info;
                try (Jedis j = new Jedis(a.getHostString(), a.getPort(), REDIS_TIMEOUT_MILLIS)) {
                    info = j.info("replication");
                } catch (RuntimeException e) {
                    return Optional.of(node + "'s Redis at " + a + " does not answer: " + e.getMessage());
                }
                if (node.equals(master) && !info.contains("role:master")) {
                    return Optional.of(master + " holds the lease of " + group.getKey() + " but is not master yet");
                }
                if (goodReplicaRequired && node.equals(master) && info.contains("min_slaves_good_slaves:0")) {
                    return Optional.of(master + " has no good replica yet (min-replicas-to-write)");
                }
                if (!node.equals(master) && !info.contains("master_link_status:up")) {
                    return Optional.of(node + " is not yet in sync with " + master);
                }
            }
        }
        return Optional.empty();
    }
}
