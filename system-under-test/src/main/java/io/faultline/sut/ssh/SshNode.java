package io.faultline.sut.ssh;

import io.faultline.hosts.process.HostProcess;
import io.faultline.hosts.ssh.SshHosts;
import io.faultline.sut.cluster.ClusterNode;
import io.faultline.sut.cluster.NodeAgent;
import io.faultline.sut.redis.RedisServer;
import io.faultline.sut.redis.RedisStartException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * One node of an ssh run: its redis-server and lease agent on the node's host, each a
 * {@link io.faultline.hosts.ssh.RemoteProcess}, their output in the local {@code <node>/redis.log} and
 * {@code <node>/agent.log}. Kill, pause and resume are signals on the host by pid file. Runtime
 * support, not an API for harness code. Thread-safe (all control is synchronized).
 */
final class SshNode implements ClusterNode {
    private static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String id;
    private final SshHosts hosts;
    private final RedisServer server;
    private final NodeAgent agent;
    private HostProcess redis;

    /** @param server the remote command line (binary, data directory and log to stdout as on the host) and the address */
    SshNode(String id, SshHosts hosts, RedisServer server, NodeAgent agent) {
        this.id = id;
        this.hosts = hosts;
        this.server = server;
        this.agent = agent;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public NodeAgent agent() {
        return agent;
    }

    RedisServer server() {
        return server;
    }

    @Override
    public List<Path> logFiles() {
        return agent.logFiles(hosts.log(id, "redis"));
    }

    /** Starts Redis on the host unless it runs, and waits until it answers PING. */
    synchronized void startRedis() {
        if (redis != null && redis.isAlive()) return;
        try {
            redis = hosts.start(id, "redis", server.command());
        } catch (IOException e) {
            throw new RedisStartException(id + ": cannot start ssh for redis-server: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + REDIS_START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                redis.kill();
                throw new RedisStartException(id + ": redis-server on " + server.address() + " did not answer PING within "
                        + REDIS_START_TIMEOUT + "; its log " + hosts.log(id, "redis") + " says: "
                        + RedisServer.tail(hosts.log(id, "redis")));
            }
            redis.waitFor(Duration.ofMillis(20));
        }
    }

    private boolean answersPing() {
        try (Jedis jedis = new Jedis(server.host(), server.port(), 200)) {
            return "PONG".equals(jedis.ping());
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return true; // an error reply (MASTERDOWN while parked) is an answer
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void start() throws IOException {
        startRedis();
        agent.start();
    }

    @Override
    public synchronized boolean isRunning() {
        return redis != null && redis.isAlive() && agent.isAlive();
    }

    @Override
    public synchronized void kill() {
        agent.kill();
        if (redis != null) redis.kill();
    }

    @Override
    public synchronized void pause() {
        requireRunning("pause");
        redis.pause();
        agent.pause();
    }

    @Override
    public synchronized void resume() {
        requireRunning("resume");
        redis.resume();
        agent.resume();
    }

    @Override
    public synchronized void stop() {
        agent.stop(GRACE);
        if (redis != null) redis.stop(GRACE);
    }

    private void requireRunning(String action) {
        if (!isRunning()) throw new IllegalStateException("cannot " + action + " " + id + ": it is not running");
    }
}
