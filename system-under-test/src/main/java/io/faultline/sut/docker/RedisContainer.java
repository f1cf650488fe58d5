package io.faultline.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.faultline.sut.redis.RedisRoles;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.Jedis;

/**
 * The container of one Redis node: created through Testcontainers on the run's network (alias =
 * node id), Redis on port {@value #PORT} inside, published on a fixed port of 127.0.0.1 so its
 * host address survives restarts. Starts parked, like the local runtime's servers. Its output
 * goes to {@code logFile}. Not thread-safe: the owning node synchronizes.
 */
final class RedisContainer {
    static final int PORT = 6379;
    private static final ExposedPort REDIS = ExposedPort.tcp(PORT);

    private final String node;
    private final String name;
    private final String image;
    private final Network network;
    private final int hostPort;
    private final Map<String, String> labels;
    private final boolean persistence;
    private final Path logFile;
    private final DockerClient docker;
    private String containerId;
    private ContainerLog log;

    RedisContainer(String node, String name, String image, Network network, int hostPort, Map<String, String> labels,
                   boolean persistence, Path logFile) {
        this.node = node;
        this.name = name;
        this.image = image;
        this.network = network;
        this.hostPort = hostPort;
        this.labels = Map.copyOf(labels);
        this.persistence = persistence;
        this.logFile = logFile;
        this.docker = DockerEngine.client();
    }

    /** Where this host's processes reach the node's Redis. */
    InetSocketAddress hostAddress() {
        return new InetSocketAddress("127.0.0.1", hostPort);
    }

    /** Where other containers of the run's network reach it (direct links). */
    InetSocketAddress networkAddress() {
        return InetSocketAddress.createUnresolved(node, PORT);
    }

    Path logFile() {
        return logFile;
    }

    /** redis-server's arguments: parked (replica of nothing), no RDB snapshots, logs to stdout. */
    List<String> command() {
        List<String> cmd = new ArrayList<>(List.of("redis-server",
                "--port", Integer.toString(PORT), "--bind", "0.0.0.0", "--protected-mode", "no",
                "--daemonize", "no", "--dir", "/data", "--logfile", "",
                "--replicaof", RedisRoles.PARKED_MASTER.getHostString(), Integer.toString(RedisRoles.PARKED_MASTER.getPort()),
                "--replica-serve-stale-data", "no", "--replica-read-only", "yes", "--repl-timeout", "5", "--save", ""));
        cmd.addAll(persistence ? List.of("--appendonly", "yes", "--appendfsync", "everysec") : List.of("--appendonly", "no"));
        return cmd;
    }

    /** Creates and starts a new container (the old one, if any, must be removed first). */
    void create() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetwork(network)
                .withNetworkAliases(node)
                .withLabels(labels)
                .withCommand(command().toArray(String[]::new))
                .withStartupAttempts(1)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName(name);
                    cmd.withExposedPorts(REDIS);
                    cmd.getHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), REDIS));
                });
        try {
            container.start();
        } catch (RuntimeException e) {
            removeByName();
            throw new IllegalStateException(node + ": container " + name + " of " + image + " did not start: " + e.getMessage(), e);
        }
        containerId = container.getContainerId();
        follow(0);
    }

    /** {@code docker start} of the existing container (its file system kept). */
    void startAgain() {
        int since = (int) (System.currentTimeMillis() / 1000);
        docker.startContainerCmd(containerId).exec();
        follow(since);
    }

    boolean exists() {
        return containerId != null;
    }

    /** Running or paused. */
    boolean isRunning() {
        InspectContainerResponse.ContainerState state = state();
        return state != null && Boolean.TRUE.equals(state.getRunning());
    }

    boolean isPaused() {
        InspectContainerResponse.ContainerState state = state();
        return state != null && Boolean.TRUE.equals(state.getPaused());
    }

    /** {@code docker kill} (SIGKILL); a paused container is thawed first, as Docker requires. No-op if not running. */
    void kill() {
        if (isPaused()) {
            docker.unpauseContainerCmd(containerId).exec();
        }
        if (isRunning()) {
            try {
                docker.killContainerCmd(containerId).exec();
            } catch (DockerException e) {
                if (isRunning()) {
                    throw e;
                }
            }
        }
    }

    /** {@code docker pause}: the cgroup freezer stops every process; sockets stay open. */
    void pause() {
        docker.pauseContainerCmd(containerId).exec();
    }

    /** {@code docker unpause}. */
    void unpause() {
        docker.unpauseContainerCmd(containerId).exec();
    }

    /** {@code docker stop}: SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        if (isPaused()) {
            docker.unpauseContainerCmd(containerId).exec();
        }
        if (isRunning()) {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
        }
    }

    /** Removes the container (forced, with its volumes) and stops following its log. Idempotent. */
    void remove() {
        if (containerId == null) {
            return;
        }
        try {
            if (isPaused()) {
                docker.unpauseContainerCmd(containerId).exec();
            }
            docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // already removed
        } finally {
            closeLog();
            containerId = null;
        }
    }

    /** A container that failed to start may exist without our knowing its id: remove it by its name. */
    private void removeByName() {
        try {
            docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // never created
        } catch (DockerException e) {
            org.slf4j.LoggerFactory.getLogger(RedisContainer.class).warn("could not remove {}: {}", name, e.getMessage());
        }
    }

    /** True if Redis answers on the host port (an error reply, e.g. MASTERDOWN while parked, counts). */
    boolean answersPing() {
        try (Jedis jedis = new Jedis("127.0.0.1", hostPort, 300)) {
            return "PONG".equals(jedis.ping());
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private InspectContainerResponse.ContainerState state() {
        if (containerId == null) {
            return null;
        }
        try {
            return docker.inspectContainerCmd(containerId).exec().getState();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void follow(int since) {
        closeLog();
        log = ContainerLog.follow(docker, containerId, since, logFile);
    }

    private void closeLog() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    @Override
    public String toString() {
        return name + (containerId != null ? " (" + containerId.substring(0, 12) + ")" : "");
    }
}
