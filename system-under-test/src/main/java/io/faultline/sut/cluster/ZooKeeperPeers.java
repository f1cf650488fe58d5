package io.faultline.sut.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * ZooKeeper servers that each run on a host of their own (the netns and ssh runtimes): the
 * configuration file of one of them, and whether one serves. Clients on 2181, quorum on 2888/3888, the
 * tick a tenth of the session timeout, as in the embedded ensemble. Stateless.
 */
public final class ZooKeeperPeers {
    /** Where each server listens for clients, on its host's address. */
    public static final int CLIENT_PORT = 2181;

    private ZooKeeperPeers() {
    }

    /**
     * The {@code zoo.cfg} of server {@code id} (peers listed only for an ensemble of 2+).
     *
     * @param ids     every server, in order (server {@code i+1} is {@code ids.get(i)})
     * @param address a server's address
     * @param dataDir the server's data directory where it runs
     */
    public static String config(List<String> ids, Function<String, String> address, String id, String dataDir,
                                Duration sessionTimeout) {
        long tick = Math.max(50, sessionTimeout.toMillis() / 10);
        StringBuilder sb = new StringBuilder()
                .append("tickTime=").append(tick).append('\n')
                .append("initLimit=20\nsyncLimit=10\n")
                .append("dataDir=").append(dataDir).append('\n')
                .append("clientPort=").append(CLIENT_PORT).append('\n')
                .append("clientPortAddress=").append(address.apply(id)).append('\n')
                .append("maxSessionTimeout=").append(tick * 20).append('\n')
                .append("admin.enableServer=false\n4lw.commands.whitelist=srvr\n");
        if (ids.size() > 1) {
            for (int i = 0; i < ids.size(); i++) {
                sb.append("server.").append(i + 1).append('=').append(address.apply(ids.get(i))).append(":2888:3888\n");
            }
        }
        return sb.toString();
    }

    /** True if the server at {@code address} answers {@code srvr} with a mode (leader, follower or standalone). */
    public static boolean serving(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, CLIENT_PORT), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("Mode:");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls every 100 ms until every one of {@code ids} is {@code serving}.
     *
     * @return false if not within {@code timeout} (or interrupted)
     */
    public static boolean awaitServing(List<String> ids, Predicate<String> serving, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ids.stream().allMatch(serving)) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
