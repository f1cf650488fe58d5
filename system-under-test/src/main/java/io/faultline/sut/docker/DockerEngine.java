package io.faultline.sut.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.faultline.sut.cluster.ClusterStartException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine as the docker runtime needs it: whether one answers, the address containers
 * reach this host at, and the Redis image. Reached through Testcontainers, so its settings
 * ({@code DOCKER_HOST}, {@code TESTCONTAINERS_*}, {@code ~/.testcontainers.properties}) apply.
 */
public final class DockerEngine {
    /** What to do when Docker is missing, for messages. */
    public static final String REMEDY = "install and start Docker (on Debian as root: bash scripts/local-images.sh), "
            + "or use --runtime local";

    private DockerEngine() {
    }

    /**
     * Why the docker runtime cannot run here, or empty if a Docker engine answers. Cheap when no
     * engine is configured at all (no socket, no {@code DOCKER_HOST}): then Testcontainers is not asked.
     */
    public static Optional<String> unavailableReason() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return Optional.of("no Docker engine: /var/run/docker.sock does not exist and DOCKER_HOST is not set");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Docker is not usable through Testcontainers: " + e);
        }
        return Optional.of("no Docker engine answers at " + (dockerHost != null ? dockerHost : "/var/run/docker.sock")
                + " (is the daemon running?)");
    }

    /** The engine's client; call only after {@link #unavailableReason()} was empty. */
    public static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    /**
     * The IPv4 address of this host on Docker's default bridge network ({@code docker0}): every
     * container on this engine, whatever its network, reaches this host there, and so do this
     * host's own processes. The fault proxy's listeners bind it so that replicas in containers
     * can dial them. Needs a Linux engine on this machine (not Docker Desktop).
     *
     * @throws IllegalStateException naming what is missing
     */
    public static String hostAddressForContainers() {
        Map<String, String> options;
        try {
            options = client().inspectNetworkCmd().withNetworkId("bridge").exec().getOptions();
        } catch (NotFoundException e) {
            throw new IllegalStateException("Docker has no default 'bridge' network; the docker runtime needs one "
                    + "to reach this host from containers", e);
        }
        String name = (options == null ? Collections.<String, String>emptyMap() : options)
                .getOrDefault("com.docker.network.bridge.name", "docker0");
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic != null) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot read network interface " + name + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("Docker's bridge interface " + name + " has no IPv4 address on this host: "
                + "the docker runtime needs a Linux Docker engine on this machine");
    }

    /** The image {@code options} name, or the automatic choice (see {@link DockerOptions#image()}). */
    public static String resolveImage(DockerOptions options) {
        if (options.image() != null) {
            return options.image();
        }
        if (!hasImage(DockerOptions.DEFAULT_IMAGE) && hasImage(DockerOptions.LOCAL_IMAGE)) {
            return DockerOptions.LOCAL_IMAGE;
        }
        return DockerOptions.DEFAULT_IMAGE;
    }

    /** True if the image is on this machine. */
    public static boolean hasImage(String image) {
        try {
            client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Makes sure {@code image} is on this machine, pulling it if needed.
     *
     * @throws ClusterStartException naming the image and what to do when it cannot be had
     */
    static void ensureImage(String image, Duration pullTimeout) {
        if (hasImage(image)) {
            return;
        }
        String remedy = "; where no registry is reachable, run scripts/local-images.sh and set "
                + DockerOptions.IMAGE_ENV + "=" + DockerOptions.LOCAL_IMAGE;
        try (ResultCallback.Adapter<PullResponseItem> pull = client().pullImageCmd(image)
                .exec(new ResultCallback.Adapter<>())) {
            if (!pull.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ClusterStartException("image " + image + " is not on this machine and pulling it took longer than "
                        + pullTimeout + remedy);
            }
        } catch (ClusterStartException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterStartException("interrupted while pulling image " + image, e);
        } catch (Exception e) {
            throw new ClusterStartException("image " + image + " is not on this machine and cannot be pulled ("
                    + e.getMessage() + ")" + remedy, e);
        }
        if (!hasImage(image)) {
            throw new ClusterStartException("image " + image + " is still missing after a pull" + remedy);
        }
    }
}
