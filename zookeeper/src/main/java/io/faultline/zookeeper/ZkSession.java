package io.faultline.zookeeper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * A ZooKeeper handle connected to one server only (its connect string names that server alone, so
 * the client library never moves to another), made again when its session has expired or closed.
 * Used by one thread; {@link #close()} closes the handle.
 */
final class ZkSession implements AutoCloseable {
    private final String connectString;
    private final Duration sessionTimeout;
    private ZooKeeper zk;

    ZkSession(String connectString, Duration sessionTimeout) {
        this.connectString = connectString;
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * The handle, connected: a new one when the last expired or closed, waiting for it to connect at
     * most the session timeout.
     *
     * @throws NotConnected when the server does not connect in time (nothing was sent)
     */
    ZooKeeper connected() throws IOException, InterruptedException, NotConnected {
        if (zk != null && !zk.getState().isAlive()) {
            zk.close();
            zk = null;
        }
        if (zk == null) {
            CountDownLatch up = new CountDownLatch(1);
            zk = new ZooKeeper(connectString, (int) sessionTimeout.toMillis(), e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) up.countDown();
            });
            if (!up.await(sessionTimeout.toMillis(), TimeUnit.MILLISECONDS)) throw new NotConnected();
        }
        if (!zk.getState().isConnected()) throw new NotConnected();
        return zk;
    }

    /** The session is not connected: an op was not sent. */
    static final class NotConnected extends Exception {
        NotConnected() {
            super("not-connected", null, false, false);
        }
    }

    @Override
    public void close() {
        if (zk == null) return;
        try {
            zk.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        zk = null;
    }
}
