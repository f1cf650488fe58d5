package io.faultline.sut.cluster;

/** A ZooKeeper ensemble whose servers can be stopped and restarted (embedded ensembles only). */
public interface ZooKeeperControl {
    /** Stops server {@code zk} ("zk1".."zkK"). */
    void stopZooKeeper(String zk);

    /** Restarts a stopped server on its old port. */
    void startZooKeeper(String zk);
}
