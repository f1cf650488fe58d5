package com.example.kv;

import io.faultline.core.client.Client;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.op.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import us.bpsm.edn.Keyword;

/**
 * The {@code set} workload's client for the key-value store: {@code :add x} is {@code ADD x} and
 * {@code :read} is {@code READ}, both on the primary, over a connection of its own (one per process:
 * the runner opens a new client after an {@code info}). An add whose answer does not come is
 * {@code info} (it may have happened); one that could not even be sent is {@code fail}.
 */
final class KvClient implements Client {

    private final KvDb db;
    private final LinkRouter links;
    private final String id;
    private Socket socket;
    private BufferedReader in;
    private PrintWriter out;

    /** The prototype: opened once per process. */
    KvClient(KvDb db, LinkRouter links) {
        this(db, links, "client");
    }

    private KvClient(KvDb db, LinkRouter links, String id) {
        this.db = db;
        this.links = links;
        this.id = id;
    }

    @Override
    public Client open(String node) {
        return new KvClient(db, links, id);
    }

    @Override
    public Op invoke(Op op) {
        String request = switch (op.f()) {
            case "add" -> "ADD " + op.value();
            case "read" -> "READ";
            default -> throw new IllegalArgumentException("the kv client handles add and read, not :" + op.f());
        };
        try {
            connect();
        } catch (IOException e) {
            close();
            return op.fail(Keyword.newKeyword(e instanceof ConnectException ? "connection-refused" : "no-connection"));
        }
        String reply;
        try {
            out.println(request);
            reply = in.readLine();
        } catch (IOException e) {
            close();
            return op.info(Keyword.newKeyword("timeout"));
        }
        if (reply == null) {
            close();
            return op.info(Keyword.newKeyword("connection-closed"));
        }
        if (reply.equals("OK")) return op.ok(op.value());
        if (reply.startsWith("VALUES")) return op.ok(parse(reply));
        if (reply.startsWith("ERR not the primary")) return op.fail(Keyword.newKeyword("not-primary"));
        return op.info(Keyword.newKeyword("unacknowledged"));
    }

    private static List<Long> parse(String reply) {
        List<Long> values = new ArrayList<>();
        Arrays.stream(reply.substring("VALUES".length()).trim().split(" ")).filter(w -> !w.isEmpty())
                .forEach(w -> values.add(Long.valueOf(w)));
        return values;
    }

    private void connect() throws IOException {
        if (socket != null) return;
        InetSocketAddress primary = links.route(id, "n1", "CLIENT", db.address("n1"));
        Socket s = new Socket();
        s.connect(primary, 1000);
        s.setSoTimeout(2000);
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
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
