package io.faultline.nemesis.cluster;

import io.faultline.core.node.HasPrimaries;
import io.faultline.core.node.Killable;
import io.faultline.core.node.Pausable;
import io.faultline.sut.cluster.LocalCluster;
import io.faultline.sut.lease.Lease;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The nodes of a {@link LocalCluster} as the nemeses see them: killable, pausable, naming their primaries. */
record LocalClusterNodes(LocalCluster cluster) implements Killable, Pausable, HasPrimaries {

    @Override
    public void kill(String node) {
        cluster.kill(node);
    }

    @Override
    public void start(String node) {
        cluster.startNode(node);
    }

    @Override
    public void pause(String node) {
        cluster.pause(node);
    }

    @Override
    public void resume(String node) {
        cluster.resume(node);
    }

    /** The lease holders, as ZooKeeper says. */
    @Override
    public Set<String> primaries() throws Exception {
        Set<String> holders = new TreeSet<>();
        for (Optional<Lease> lease : cluster.leaseStatus().leases().values()) lease.ifPresent(l -> holders.add(l.node()));
        return holders;
    }
}
