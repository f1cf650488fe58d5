package io.faultline.sut.lease;

import io.faultline.sut.redis.RedisRoles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease agent of one node: contends for its group's ephemeral leader znode and sets its own
 * Redis's role accordingly. Runs as its own OS process ({@link #main}) next to the Redis.
 *
 * <p>Threads: decisions run on one loop thread (on every watch event, every connection change,
 * and every {@value #TICK_MILLIS} ms to repair drift, e.g. a restarted Redis). Demotion on lease
 * loss runs on Curator's connection-state thread so a blocked ZooKeeper call cannot delay it; a
 * connection generation counter stops a decision taken before the loss from being applied after it.
 */
public final class LeaseAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseAgent.class);
    static final int TICK_MILLIS = 500;

    private final AgentConfig config;
    private final CuratorFramework curator;
    private final RedisRoles redis;
    private final ScheduledExecutorService loop;
    private final String leaderPath;
    private final CuratorWatcher watcher;
    private final Object roleLock = new Object();
    private boolean connected; // guarded by roleLock
    private long generation;   // guarded by roleLock
    private String applied = "parked"; // guarded by roleLock: what we last made our Redis

    private LeaseAgent(AgentConfig config) {
        this.config = config;
        this.leaderPath = LeasePaths.leader(config.group());
        this.redis = new RedisRoles(config.redis(), 1000);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lease-" + config.node()));
        this.watcher = event -> {
            if (event.getType() != Watcher.Event.EventType.None) {
                loop.execute(this::evaluate);
            }
        };
        int session = (int) config.sessionTimeout().toMillis();
        this.curator = CuratorFrameworkFactory.builder()
                .connectString(config.zookeeper())
                .sessionTimeoutMs(session)
                .connectionTimeoutMs(Math.max(200, session / 2))
                .retryPolicy(new RetryNTimes(1, 100))
                .ensembleTracker(false) // never learn the servers' real addresses: links stay routed
                .build();
    }

    /** Starts an agent: connects to ZooKeeper in the background and begins contending. */
    public static LeaseAgent start(AgentConfig config) {
        LeaseAgent agent = new LeaseAgent(config);
        agent.curator.getConnectionStateListenable().addListener((c, state) -> agent.onConnectionState(state));
        agent.curator.start();
        agent.loop.scheduleWithFixedDelay(agent::evaluate, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("{} agent started: group {}, redis {}, zookeeper {}, session {}, on lease loss {}, peers {}",
                config.node(), config.group(), config.redis(), config.zookeeper(), config.sessionTimeout(),
                config.onLeaseLoss(), config.peers());
        return agent;
    }

    private void onConnectionState(ConnectionState state) {
        LOG.info("{} zookeeper connection {}", config.node(), state);
        synchronized (roleLock) {
            generation++;
            connected = state.isConnected();
            if (!connected && config.onLeaseLoss() == OnLeaseLoss.DEMOTE && applied.startsWith("lead")) {
                try {
                    redis.park();
                    applied = "parked";
                    LOG.warn("{} lease {}: demoted its redis to a non-serving replica", config.node(), state);
                } catch (RuntimeException e) {
                    LOG.error("{} lease {}: could not demote its redis: {}", config.node(), state, e.toString());
                }
            }
        }
        if (connected) {
            loop.execute(this::evaluate);
        }
    }

    /** One decision: take the lease if free, else follow its holder. Errors are retried on the next tick. */
    private void evaluate() {
        long gen;
        synchronized (roleLock) {
            if (!connected) {
                return;
            }
            gen = generation;
        }
        try {
            Stat stat = new Stat();
            try {
                curator.create().storingStatIn(stat).creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL)
                        .forPath(leaderPath, Lease.encode(config.node(), config.advertised()));
                curator.checkExists().usingWatcher(watcher).forPath(leaderPath);
                apply(gen, "lead@" + stat.getCzxid(), null);
                return;
            } catch (KeeperException.NodeExistsException taken) {
                // somebody holds it, maybe us from before a reconnection: look
            }
            byte[] data;
            try {
                data = curator.getData().storingStatIn(stat).usingWatcher(watcher).forPath(leaderPath);
            } catch (KeeperException.NoNodeException released) {
                loop.execute(this::evaluate);
                return;
            }
            long session = curator.getZookeeperClient().getZooKeeper().getSessionId();
            Lease lease = Lease.decode(config.group(), data, stat.getCzxid(), stat.getEphemeralOwner());
            if (stat.getEphemeralOwner() == session) {
                apply(gen, "lead@" + lease.epoch(), null);
            } else {
                apply(gen, "follow " + lease.node() + "@" + lease.epoch(), lease.node());
            }
        } catch (Exception e) {
            LOG.warn("{} could not evaluate the lease of {}: {}", config.node(), config.group(), e.toString());
        }
    }

    /** Makes Redis match {@code decision} unless the connection changed since the decision was taken. */
    private void apply(long gen, String decision, String master) {
        synchronized (roleLock) {
            if (!connected || gen != generation) {
                return;
            }
            try {
                String actual = redis.role();
                if (master == null) {
                    if (!decision.equals(applied) || !actual.equals("master")) {
                        int minReplicas = config.onLeaseLoss() == OnLeaseLoss.DEMOTE && config.groupSize() > 1 ? 1 : 0;
                        int lag = (int) Math.max(1, (config.sessionTimeout().toMillis() + 999) / 1000);
                        redis.promote(minReplicas, lag);
                        LOG.info("{} holds the lease of {} at epoch {}: redis is master (min-replicas-to-write {}, max lag {}s)",
                                config.node(), config.group(), decision.substring(5), minReplicas, lag);
                    }
                } else {
                    InetSocketAddress target = config.peers().get(master);
                    if (target == null) {
                        LOG.error("{}: lease holder {} is not a known peer {}", config.node(), master, config.peers().keySet());
                        return;
                    }
                    String want = "slave " + target.getHostString() + ":" + target.getPort();
                    if (!decision.equals(applied) || !actual.equals(want)) {
                        redis.follow(target);
                        LOG.info("{} follows {} ({}) via {}", config.node(), master, decision, target);
                    }
                }
                applied = decision;
            } catch (RuntimeException e) {
                LOG.warn("{} could not set its redis role to '{}': {}", config.node(), decision, e.toString());
            }
        }
    }

    /** Releases the lease (closes the session) and stops; leaves the Redis as it is. */
    @Override
    public void close() {
        loop.shutdownNow();
        curator.close();
        redis.close();
    }

    /** Parent gone: shut down our Redis so nothing outlives the harness, then stop. */
    void shutdownRedisAndClose() {
        loop.shutdownNow();
        synchronized (roleLock) {
            redis.shutdown();
        }
        close();
    }

    /**
     * Entry point of the agent process: {@code --key=value} arguments (see {@link AgentConfig}).
     * Exits when stdin reaches EOF (the parent died or closed it), shutting down its Redis first.
     */
    public static void main(String[] args) throws IOException {
        AgentConfig config = AgentConfig.parse(args);
        LeaseAgent agent = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "lease-agent-shutdown"));
        while (System.in.read() != -1) {
            // nothing is ever written; we only wait for EOF
        }
        LOG.info("{} parent gone (stdin closed): shutting down its redis and exiting", config.node());
        agent.shutdownRedisAndClose();
        Runtime.getRuntime().halt(0);
    }
}
