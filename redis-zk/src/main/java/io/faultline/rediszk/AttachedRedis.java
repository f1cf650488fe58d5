package io.faultline.rediszk;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.Replication;
import java.util.List;
import java.util.Map;

/**
 * The bundled system running elsewhere ({@code faultline cluster up}), for {@code faultline load}:
 * setup and close do nothing (its owner runs it); clients find masters through its ZooKeeper,
 * directly, and reach the nodes over links the given router routes.
 */
record AttachedRedis(List<String> nodes, String zookeeper, int virtualNodes, Replication replication,
                     LinkRouter clientLinks) implements Db, ClientSource {

    static final String ZOOKEEPER = "zookeeper";
    static final String VIRTUAL_NODES = "virtual-nodes";

    AttachedRedis {
        nodes = List.copyOf(nodes);
    }

    /**
     * @throws IllegalArgumentException when the attachment lacks what clients need
     */
    static AttachedRedis of(int nodeCount, Map<String, String> attachment, Replication replication, LinkRouter clientLinks) {
        String zk = attachment.get(ZOOKEEPER);
        String vn = attachment.get(VIRTUAL_NODES);
        if (zk == null || vn == null) {
            throw new IllegalArgumentException("the running cluster's state lacks " + ZOOKEEPER + " or " + VIRTUAL_NODES
                    + ": restart it with this version's 'faultline cluster up'");
        }
        List<String> nodes = java.util.stream.IntStream.rangeClosed(1, nodeCount).mapToObj(i -> "n" + i).toList();
        return new AttachedRedis(nodes, zk, Integer.parseInt(vn), replication, clientLinks);
    }

    @Override
    public ClientConfig.Builder clientConfig() {
        return ClientConfig.builder(zookeeper).router(RedisZkSystem.sutRouter(clientLinks)).replication(replication)
                .virtualNodes(virtualNodes);
    }

    @Override
    public void setup() {
    }

    @Override
    public void close() {
    }
}
