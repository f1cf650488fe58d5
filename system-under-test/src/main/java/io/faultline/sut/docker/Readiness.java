package io.faultline.sut.docker;

import io.faultline.sut.cluster.ClusterStartException;
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
 * The cluster is ready when every group has a lease holder whose Redis is master and every other
 * member's Redis has its replication link to it up.
 */
final class Readiness {
    private Readiness() {
    }

    /**
     * Polls until ready or {@code timeout}.
     *
     * @throws ClusterStartException with the last problem seen and the end of each agent's log
     */
    static void await(LeaseStatus admin, Map<String, List<String>> groups, Function<String, InetSocketAddress> redis,
                      Duration timeout, Collection<DockerNode> nodes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String problem;
        while ((problem = problem(admin, groups, redis).orElse(null)) != null) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (DockerNode n : nodes) {
                    logs.append("\n").append(n.id()).append(n.agent().isAlive() ? "" : " (agent exited)").append(" agent.log: ")
                            .append(RedisServer.tail(n.agent().log()));
                }
                throw new ClusterStartException("docker cluster not ready after " + timeout + ": " + problem
                        + ". Replicas dial their master from inside their containers: check that the routed REPLICATION "
                        + "addresses are reachable from there; see the logs:" + logs);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterStartException("interrupted while waiting for the cluster", e);
            }
        }
    }

    static Optional<String> problem(LeaseStatus admin, Map<String, List<String>> groups,
                                    Function<String, InetSocketAddress> redis) {
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
                try (Jedis j = new Jedis(a.getHostString(), a.getPort(), 500)) {
                    info = j.info("replication");
                } catch (RuntimeException e) {
                    return Optional.of(node + "'s Redis at " + a + " does not answer: " + e.getMessage());
                }
                if (node.equals(master) && !info.contains("role:master")) {
                    return Optional.of(master + " holds the lease of " + group.getKey() + " but is not master yet");
                }
                if (!node.equals(master) && !info.contains("master_link_status:up")) {
                    return Optional.of(node + " is not yet in sync with " + master);
                }
            }
        }
        return Optional.empty();
    }
}
