package io.faultline.sut.docker;

import io.faultline.sut.cluster.ClusterStartException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports of 127.0.0.1 for the containers' published Redis ports. */
final class HostPorts {
    private HostPorts() {
    }

    /**
     * A port of 127.0.0.1 that was free a moment ago. Docker binds it when the container starts;
     * the ephemeral range makes a collision in between unlikely, and a collision fails the start
     * with Docker's "port is already allocated".
     */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ClusterStartException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
