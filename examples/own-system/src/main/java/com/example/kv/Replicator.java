package com.example.kv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The primary's replication to its replicas, one connection each. Correct: {@link #replicate} sends
 * the add to every replica and returns once all acknowledged it. With the bug ("ack before
 * replicating") it queues the add and returns at once; a background thread ships the queue every
 * {@link #BUG_DELAY_MS} ms, so a crash of the primary loses what was acknowledged but not yet shipped.
 */
final class Replicator implements AutoCloseable {

    static final long BUG_DELAY_MS = 200;

    private final List<Replica> replicas = new ArrayList<>();
    private final boolean bug;
    private final BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final Thread shipper;
    private volatile boolean closed;

    /** @param replicaAddresses where the primary dials each replica (through the harness's link router) */
    Replicator(List<InetSocketAddress> replicaAddresses, boolean bug) {
        for (InetSocketAddress a : replicaAddresses) replicas.add(new Replica(a));
        this.bug = bug;
        this.shipper = new Thread(this::shipLater, "kv-replicator");
        shipper.setDaemon(true);
        if (bug) shipper.start();
    }

    /** Replicates {@code x}; true when the replicas acknowledged it (or, with the bug, always). */
    boolean replicate(long x) {
        if (bug) {
            queue.add(x);
            return true;
        }
        boolean all = true;
        for (Replica r : replicas) all &= r.send(x);
        return all;
    }

    private void shipLater() {
        while (!closed) {
            try {
                Long first = queue.poll(BUG_DELAY_MS, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                Thread.sleep(BUG_DELAY_MS); // "batching": the window in which a crash loses acknowledged adds
                List<Long> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch);
                for (long x : batch) {
                    if (closed) return;
                    for (Replica r : replicas) r.send(x);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        shipper.interrupt();
        queue.clear();
        replicas.forEach(Replica::close);
    }

    /** One replica's connection, opened on first use and again after a failure. */
    private static final class Replica {
        private final InetSocketAddress address;
        private Socket socket;
        private BufferedReader in;
        private PrintWriter out;

        Replica(InetSocketAddress address) {
            this.address = address;
        }

        synchronized boolean send(long x) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.connect(address, 1000);
                    socket.setSoTimeout(1000);
                    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                }
                out.println("REPL " + x);
                return "OK".equals(in.readLine());
            } catch (IOException e) {
                close();
                return false;
            }
        }

        synchronized void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
