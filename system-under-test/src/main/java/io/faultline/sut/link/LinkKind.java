package io.faultline.sut.link;

/** The kinds of network link between the parts of the system under test. */
public enum LinkKind {
    /** A client (or the cluster's own health checks) talking to a node's Redis. */
    CLIENT_TO_NODE,
    /** A replica's Redis pulling the replication stream from its master's Redis. */
    REPLICATION,
    /** A node's lease agent talking to one ZooKeeper server. */
    AGENT_TO_ZOOKEEPER
}
