package io.faultline.zookeeper;

import java.io.IOException;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * The entry point of one ZooKeeper server process: ZooKeeper's own {@link QuorumPeerMain} on the
 * configuration file given as the only argument, plus a lifeline: the process halts as soon as its
 * stdin reaches EOF, that is when the harness JVM that started it is gone (even after SIGKILL), so no
 * server outlives its run. The harness never writes to it.
 */
public final class ZkServerProcess {
    private ZkServerProcess() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ZkServerProcess ZOO.CFG");
            System.exit(254);
        }
        Thread lifeline = new Thread(ZkServerProcess::watchStdin, "faultline-zk-lifeline");
        lifeline.setDaemon(true);
        lifeline.start();
        QuorumPeerMain.main(args);
    }

    private static void watchStdin() {
        try {
            while (System.in.read() != -1) {
                // nothing is ever written; only EOF matters
            }
        } catch (IOException e) {
            // a broken stdin means the same: the harness is gone
        }
        System.err.println("ZkServerProcess: the harness is gone (stdin closed), halting");
        Runtime.getRuntime().halt(0);
    }
}
