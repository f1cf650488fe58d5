package io.faultline.sut.netns;

import java.io.IOException;
import java.util.List;
import org.apache.zookeeper.server.quorum.QuorumPeerMain;

/**
 * The entry point of one ZooKeeper server process: ZooKeeper's own {@link QuorumPeerMain} (a quorum
 * peer, or a standalone server when the configuration lists no peers) with the configuration file
 * given as the only argument, plus the harness's lifeline: the process exits at once when its stdin
 * reaches EOF, i.e. when the JVM that started it dies, even of SIGKILL.
 */
public final class ZooKeeperProcess {
    private ZooKeeperProcess() {
    }

    /** The command line of a server with configuration file {@code cfg}, with {@code java} and {@code classpath} as found where it runs. */
    public static List<String> command(String java, String classpath, String cfg) {
        return List.of(java, "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-Dzookeeper.admin.enableServer=false",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=warn",
                "-cp", classpath, ZooKeeperProcess.class.getName(), cfg);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ZooKeeperProcess ZOO.CFG");
            System.exit(254);
        }
        Thread lifeline = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the harness never writes; EOF means it is gone
                }
            } catch (IOException e) {
                // stdin broken: the harness is gone too
            }
            System.err.println("ZooKeeperProcess: parent gone (stdin closed), exiting");
            Runtime.getRuntime().halt(0);
        }, "faultline-zk-lifeline");
        lifeline.setDaemon(true);
        lifeline.start();
        QuorumPeerMain.main(args);
    }
}
