package io.faultline.harness.plan;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.docker.DockerCluster;
import io.faultline.sut.docker.DockerEngine;
import io.faultline.sut.docker.DockerOptions;
import io.faultline.sut.link.LinkRouter;
import java.util.function.Supplier;

/**
 * What {@code --runtime docker} changes in a plan: Docker must answer, the fault proxy's link
 * listeners bind the address containers reach this host at (so replicas in containers dial them),
 * and the cluster is a {@link DockerCluster} with {@link DockerOptions#fromEnvironment()} (image:
 * {@code FAULTLINE_REDIS_IMAGE}, restart mode: {@code FAULTLINE_DOCKER_RESTART}).
 */
public final class DockerRuntime {
    private DockerRuntime() {
    }

    /**
     * The listen host of the link proxies.
     *
     * @throws IllegalArgumentException in one line naming what is missing and what to do
     */
    public static String proxyListenHost() {
        DockerEngine.unavailableReason().ifPresent(reason -> {
            throw new IllegalArgumentException("--runtime docker: " + reason + "; " + DockerEngine.REMEDY);
        });
        try {
            return DockerEngine.hostAddressForContainers();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--runtime docker: " + e.getMessage(), e);
        }
    }

    /** The link table over the embedded proxy, its listeners on {@code listenHost}. */
    public static LinkTable links(FaultProxyServer proxy, String listenHost) {
        return LinkTable.over(new ToxiproxyClient(proxy.host(), proxy.port()), listenHost);
    }

    /** Creates the (not started) docker cluster. */
    public static Supplier<Cluster> cluster(ClusterSpec spec, LinkRouter router) {
        return () -> DockerCluster.create(spec, DockerOptions.fromEnvironment(), router);
    }
}
