package com.example.kv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One node of the key-value store: a set of numbers served over TCP, one line per request.
 * <ul>
 *   <li>{@code ADD x} (to the primary): adds x, replicates it, answers {@code OK};</li>
 *   <li>{@code REPL x} (to a replica): adds x, answers {@code OK};</li>
 *   <li>{@code READ}: answers {@code VALUES x y ...}.</li>
 * </ul>
 * The primary hands every add to its {@link Replicator}: with the bug it answers {@code OK} before the
 * replicas have the add; without it, only after. {@link #stop()} drops everything in memory, as a
 * crash does.
 */
final class KvNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Set<Long> values = new TreeSet<>();
    private final Replicator replicator;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    /** Starts serving on {@code port} (0: any) with {@code initial} values; a replica has no replicator. */
    KvNode(String name, int port, Set<Long> initial, Replicator replicator) throws IOException {
        this.name = name;
        this.replicator = replicator;
        values.addAll(initial);
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        this.port = server.getLocalPort();
        Thread accept = new Thread(this::accept, "kv-" + name + "-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return port;
    }

    synchronized Set<Long> values() {
        return new TreeSet<>(values);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> serve(s), "kv-" + name + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) out.println(answer(line.trim()));
        } catch (IOException | RuntimeException gone) {
            // the client went away, or the node stopped
        } finally {
            connections.remove(s);
        }
    }

    private String answer(String request) {
        String[] words = request.split(" ");
        switch (words[0]) {
            case "ADD" -> {
                if (replicator == null) return "ERR not the primary";
                long x = Long.parseLong(words[1]);
                synchronized (this) {
                    values.add(x);
                }
                return replicator.replicate(x) ? "OK" : "ERR replicas did not acknowledge";
            }
            case "REPL" -> {
                synchronized (this) {
                    values.add(Long.parseLong(words[1]));
                }
                return "OK";
            }
            case "READ" -> {
                List<String> out = new ArrayList<>();
                for (Long v : values()) out.add(Long.toString(v));
                return ("VALUES " + String.join(" ", out)).trim();
            }
            default -> {
                return "ERR unknown request " + words[0];
            }
        }
    }

    /** Stops serving and forgets everything, as a crash does. */
    void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (replicator != null) replicator.close();
        synchronized (this) {
            values.clear();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
