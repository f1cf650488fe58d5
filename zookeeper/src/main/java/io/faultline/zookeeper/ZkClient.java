package io.faultline.zookeeper;

import io.faultline.core.client.Client;
import io.faultline.core.op.Op;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import us.bpsm.edn.Keyword;

/**
 * A client of one ZooKeeper server (as a Jepsen client is bound to a node) through the plain ZooKeeper
 * API. Register key {@code k} is the znode {@code /r<k>} holding the decimal value: {@code :write} is
 * {@code setData} (creating the znode the first time), {@code :cas [k [old new]]} is {@code getData}
 * with its {@link Stat}, then {@code setData} with that version ({@code BadVersion} → fail), {@code :read}
 * is {@code getData}, after a {@code sync} with {@code --reads sync}. Set element {@code e} is the
 * persistent znode {@code /set/e<e>} (one create per add); the read is {@code getChildren("/set")}.
 *
 * <p>Outcomes: a read that fails in any way is {@code fail}; an op not sent (the session is not
 * connected) is {@code fail}; {@code NoNode}, {@code BadVersion} and a value other than the cas's
 * {@code old} are {@code fail}; {@code ConnectionLoss}, {@code SessionExpired}, {@code OperationTimeout}
 * and any other error of a write are {@code info}. Each opened client owns its session and is used by
 * one thread.
 */
final class ZkClient implements Client {
    static final String SET_PARENT = "/set";

    /** How ops map onto ZooKeeper: one per workload. */
    enum Kind { REGISTER, SET }

    private final ZkDb db;
    private final Kind kind;
    private final boolean sync;
    private final Duration sessionTimeout;
    private final ZkSession session;

    private ZkClient(ZkDb db, Kind kind, boolean sync, Duration sessionTimeout, ZkSession session) {
        this.db = db;
        this.kind = kind;
        this.sync = sync;
        this.sessionTimeout = sessionTimeout;
        this.session = session;
    }

    static ZkClient prototype(ZkDb db, Kind kind, boolean sync, Duration sessionTimeout) {
        return new ZkClient(db, kind, sync, sessionTimeout, null);
    }

    /** A client with a session on {@code node}'s server alone, connected. */
    @Override
    public Client open(String node) throws Exception {
        ZkSession s = new ZkSession(db.connectString(node), sessionTimeout);
        try {
            s.connected();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return new ZkClient(db, kind, sync, sessionTimeout, s);
    }

    /** The set's parent znode, once. */
    @Override
    public void setup() throws Exception {
        if (kind != Kind.SET) return;
        try {
            session.connected().create(SET_PARENT, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // made by an earlier setup
        }
    }

    @Override
    public Op invoke(Op op) throws InterruptedException {
        if (session == null) throw new IllegalStateException("invoke an opened client, not the prototype");
        boolean read = op.f().equals("read");
        try {
            ZooKeeper zk = session.connected();
            return kind == Kind.REGISTER ? register(zk, op) : set(zk, op);
        } catch (ZkSession.NotConnected e) {
            return op.fail(Keyword.newKeyword("not-connected"));
        } catch (KeeperException e) {
            Keyword error = keyword(e.code());
            return read ? op.fail(error) : op.info(error);
        } catch (java.io.IOException e) {
            return op.fail(Keyword.newKeyword("cannot-connect"));
        }
    }

    private Op register(ZooKeeper zk, Op op) throws KeeperException, InterruptedException {
        List<?> tuple = (List<?>) op.value();
        Object key = tuple.get(0);
        String path = "/r" + key;
        switch (op.f()) {
            case "read" -> {
                if (sync) sync(zk, path);
                try {
                    return op.ok(Arrays.asList(key, Long.valueOf(text(zk.getData(path, false, null)))));
                } catch (KeeperException.NoNodeException e) {
                    return op.ok(Arrays.asList(key, null));
                }
            }
            case "write" -> {
                write(zk, path, bytes(tuple.get(1)));
                return op.ok(tuple);
            }
            case "cas" -> {
                List<?> cas = (List<?>) tuple.get(1);
                Stat stat = new Stat();
                byte[] current;
                try {
                    current = zk.getData(path, false, stat);
                } catch (KeeperException.NoNodeException e) {
                    return op.fail(Keyword.newKeyword("no-node"));
                }
                if (!text(current).equals(String.valueOf(cas.get(0)))) return op.fail(Keyword.newKeyword("value-differs"));
                try {
                    zk.setData(path, bytes(cas.get(1)), stat.getVersion());
                    return op.ok(tuple);
                } catch (KeeperException.BadVersionException e) {
                    return op.fail(Keyword.newKeyword("bad-version"));
                } catch (KeeperException.NoNodeException e) {
                    return op.fail(Keyword.newKeyword("no-node"));
                }
            }
            default -> throw new IllegalArgumentException("the register client handles read, write and cas, not :" + op.f());
        }
    }

    /** setData of any version; the znode is created on the first write (a racing create falls back to setData). */
    private static void write(ZooKeeper zk, String path, byte[] value) throws KeeperException, InterruptedException {
        try {
            zk.setData(path, value, -1);
        } catch (KeeperException.NoNodeException e) {
            try {
                zk.create(path, value, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException raced) {
                zk.setData(path, value, -1);
            }
        }
    }

    private Op set(ZooKeeper zk, Op op) throws KeeperException, InterruptedException {
        switch (op.f()) {
            case "add" -> {
                long element = ((Number) op.value()).longValue();
                try {
                    zk.create(SET_PARENT + "/e" + element, bytes(element), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                } catch (KeeperException.NodeExistsException e) {
                    // each element is added once: it exists, so it was added
                }
                return op.ok(element);
            }
            case "read" -> {
                if (sync) sync(zk, SET_PARENT);
                TreeSet<Long> all = new TreeSet<>();
                for (String child : zk.getChildren(SET_PARENT, false)) all.add(Long.valueOf(child.substring(1)));
                return op.ok(List.copyOf(new ArrayList<>(all)));
            }
            default -> throw new IllegalArgumentException("the set client handles add and read, not :" + op.f());
        }
    }

    /** {@code sync(path)}, waited for at most the session timeout. */
    private void sync(ZooKeeper zk, String path) throws KeeperException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger rc = new AtomicInteger();
        zk.sync(path, (code, p, ctx) -> {
            rc.set(code);
            done.countDown();
        }, null);
        if (!done.await(sessionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw KeeperException.create(KeeperException.Code.OPERATIONTIMEOUT, path);
        }
        KeeperException.Code code = KeeperException.Code.get(rc.get());
        if (code != KeeperException.Code.OK) throw KeeperException.create(code, path);
    }

    private static byte[] bytes(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** CONNECTIONLOSS → :connection-loss. */
    static Keyword keyword(KeeperException.Code code) {
        return Keyword.newKeyword(code.name().toLowerCase(Locale.ROOT).replace('_', '-').replace("connectionloss", "connection-loss")
                .replace("sessionexpired", "session-expired").replace("operationtimeout", "operation-timeout"));
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }

    @Override
    public String toString() {
        return session == null ? "zookeeper client prototype" : "zookeeper client";
    }
}
