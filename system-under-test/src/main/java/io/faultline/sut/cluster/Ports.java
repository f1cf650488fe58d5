package io.faultline.sut.cluster;

import io.faultline.sut.redis.RedisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Chooses the Redis ports of a local cluster: free ones, or an explicit block that must be free. */
final class Ports {
    private Ports() {
    }

    /**
     * {@code count} ports: {@code basePort + i}, each checked free, or free ports when {@code basePort} is 0.
     *
     * @throws ClusterStartException naming the taken port, its node, and what to do
     */
    static List<Integer> choose(int basePort, int count) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (basePort == 0) {
                ports.add(freePort());
                continue;
            }
            int port = basePort + i;
            try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getByName(RedisServer.HOST))) {
                ports.add(port);
            } catch (IOException e) {
                throw new ClusterStartException("port " + port + " on " + RedisServer.HOST + " (basePort " + basePort
                        + " + " + i + ", for n" + (i + 1) + ") is already in use: choose another basePort, or set "
                        + "basePort 0 to use free ports (" + e.getMessage() + ")");
            }
        }
        return ports;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(RedisServer.HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ClusterStartException("cannot find a free port on " + RedisServer.HOST + ": " + e.getMessage(), e);
        }
    }

}
