package io.faultline.rediszk;

import io.faultline.sut.cluster.Cluster;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.docker.DockerCluster;
import io.faultline.sut.docker.DockerEngine;
import io.faultline.sut.docker.DockerOptions;
import io.faultline.sut.link.LinkRouter;

/**
 * What {@code --runtime docker} changes: Docker must answer, the fault proxy's link listeners bind
 * the address containers reach this host at (so replicas in containers dial them), and the cluster
 * is a {@link DockerCluster} with {@link DockerOptions#fromEnvironment()} (image:
 * {@code FAULTLINE_REDIS_IMAGE}, restart mode: {@code FAULTLINE_DOCKER_RESTART}).
 */
final class DockerRuntime {
    private DockerRuntime() {
    }

    /**
     * The listen host of the link proxies.
     *
     * @throws IllegalArgumentException in one line naming what is missing and what to do
     */
    static String proxyListenHost() {
        DockerEngine.unavailableReason().ifPresent(reason -> {
            throw new IllegalArgumentException("--runtime docker: " + reason + "; " + DockerEngine.REMEDY);
        });
        try {
            return DockerEngine.hostAddressForContainers();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--runtime docker: " + e.getMessage(), e);
        }
    }

    /** The (not started) docker cluster. */
    static Cluster cluster(ClusterSpec spec, LinkRouter router) {
        return DockerCluster.create(spec, DockerOptions.fromEnvironment(), router);
    }
}
