package io.faultline.sut.netns;

import io.faultline.hosts.netns.NetnsNetwork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-cli} in one host's namespace sending PING to another host's Redis every 5 ms over one
 * connection, and the time of each PONG: when the PONGs stop, packets between the two hosts are dropped.
 */
final class PingProbe implements AutoCloseable {
    private final Process process;
    private volatile long lastPongNanos;
    private volatile long pongs;

    private PingProbe(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "ping-probe");
        reader.setDaemon(true);
        reader.start();
    }

    static PingProbe start(NetnsNetwork network, String from, String to) throws IOException {
        List<String> cmd = new ArrayList<>(network.launcher(from));
        cmd.addAll(List.of("stdbuf", "-oL", "redis-cli", "-h", network.address(to), "-p", Integer.toString(NetnsCluster.REDIS_PORT),
                "-r", "-1", "-i", "0.005", "PING"));
        return new PingProbe(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("PONG") || line.contains("MASTERDOWN")) { // a parked or demoted node answers with an error
                    lastPongNanos = System.nanoTime();
                    pongs++;
                }
            }
        } catch (IOException ignored) {
            // the probe was closed
        }
    }

    long lastPongNanos() {
        return lastPongNanos;
    }

    long pongs() {
        return pongs;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
