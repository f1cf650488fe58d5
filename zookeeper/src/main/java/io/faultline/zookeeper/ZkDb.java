package io.faultline.zookeeper;

import io.faultline.core.node.HasPrimaries;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.netnsdb.NetnsDb;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ZooKeeper ensemble on the netns runtime: a {@link NetnsDb} of ZooKeeper servers that also names
 * its leader ({@link HasPrimaries}): the servers whose {@code srvr} says {@code Mode: leader}.
 */
final class ZkDb extends NetnsDb implements HasPrimaries {

    ZkDb(List<String> nodes, AddressRange range, Duration tick, int syncLimit, Duration startTimeout) {
        super("zookeeper", nodes, range, new ZkLauncher(tick, syncLimit), startTimeout);
    }

    /** {@code <address>:2181} of {@code node}: a client's connect string naming that server alone. */
    String connectString(String node) {
        return address(node) + ":" + ZkLauncher.CLIENT_PORT;
    }

    @Override
    public Set<String> primaries() {
        Set<String> leaders = new TreeSet<>();
        for (String node : nodes()) {
            if (ZkLauncher.mode(address(node)).filter("leader"::equals).isPresent()) leaders.add(node);
        }
        return leaders;
    }
}
