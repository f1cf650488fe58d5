package io.faultline.netnsdb;

import io.faultline.hosts.netns.NetnsHosts;
import java.io.IOException;
import java.util.List;

/**
 * What a system's plug-in tells a {@link NetnsDb}: how to start its server on one node and how to know
 * that the server serves. Implementations are stateless or thread-safe: {@link NetnsDb} calls them
 * from the runner's and the nemesis's threads.
 */
public interface ServerLauncher {

    /** The process name on each host, e.g. {@code etcd}: its log is {@code <host>/<name>.log}. */
    String processName();

    /**
     * The command line of {@code node}'s server (run in the node's namespace, in {@code hosts.dir(node)}).
     * It may write files there first (a configuration file); called once per node at setup, not on a
     * restart after a kill (the same command line runs again, on the node's data).
     *
     * @param hosts the run's hosts: every node's {@link NetnsHosts#address address} and directory
     * @throws IOException when a file cannot be written
     */
    List<String> command(String node, NetnsHosts hosts) throws IOException;

    /**
     * Whether {@code node}'s server answers requests now. A probe with short timeouts (well under a
     * second): {@link NetnsDb} polls it until its start timeout. Never throws.
     */
    boolean ready(String node, NetnsHosts hosts);
}
