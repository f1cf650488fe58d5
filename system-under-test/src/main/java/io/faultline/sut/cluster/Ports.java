package io.faultline.sut.cluster;

import io.faultline.sut.redis.RedisServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the Redis ports of a local cluster: free ones, or an explicit block that must be free.
 * The ports stay bound (reserved) until {@link Reservation#release()}, just before the Redis
 * processes start, so that nothing else started meanwhile (ZooKeeper, the fault proxy's listeners,
 * outgoing connections) can take them.
 */
final class Ports {
    private Ports() {
    }

    /** Ports held by listening sockets until released. Not thread-safe. */
    static final class Reservation {
        private final List<ServerSocket> sockets;
        private final List<Integer> ports;

        private Reservation(List<ServerSocket> sockets) {
            this.sockets = sockets;
            this.ports = sockets.stream().map(ServerSocket::getLocalPort).toList();
        }

        List<Integer> ports() {
            return ports;
        }

        /** Frees the ports for the processes that will bind them. Idempotent. */
        void release() {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    /**
     * Reserves {@code count} ports: {@code basePort + i}, each checked free, or free ports when
     * {@code basePort} is 0.
     *
     * @throws ClusterStartException naming the taken port, its node, and what to do
     */
    static Reservation reserve(int basePort, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int port = basePort == 0 ? 0 : basePort + i;
                try {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(true);
                    s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(RedisServer.HOST), port), 1);
                    sockets.add(s);
                } catch (IOException e) {
                    if (basePort == 0) {
                        throw new ClusterStartException("cannot find a free port on " + RedisServer.HOST + ": " + e.getMessage(), e);
                    }
                    throw new ClusterStartException("port " + port + " on " + RedisServer.HOST + " (basePort " + basePort
                            + " + " + i + ", for n" + (i + 1) + ") is already in use: choose another basePort, or set "
                            + "basePort 0 to use free ports (" + e.getMessage() + ")");
                }
            }
        } catch (RuntimeException e) {
            new Reservation(sockets).release();
            throw e;
        }
        return new Reservation(sockets);
    }

    /** A port that was free a moment ago (for tests). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(RedisServer.HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ClusterStartException("cannot find a free port on " + RedisServer.HOST + ": " + e.getMessage(), e);
        }
    }
}
