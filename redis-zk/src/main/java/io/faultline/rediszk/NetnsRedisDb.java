package io.faultline.rediszk;

import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasNet;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.nemesis.packet.PacketNet;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.netns.NetnsCluster;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The bundled system on the netns runtime: a {@link RedisDb} over a {@link NetnsCluster} (every node
 * and ZooKeeper server in a network namespace of its own, links direct) whose network faults are
 * packets ({@link PacketNet}): partitions and loss are iptables rules in the namespaces; latency is
 * refused, naming the runtime that can make it.
 */
final class NetnsRedisDb extends RedisDb implements HasNet {
    private final PacketNet net;

    private NetnsRedisDb(ClusterSpec spec, AddressRange range) {
        super(r -> NetnsCluster.create(spec, range), LinkRouter.direct(),
                IntStream.rangeClosed(1, spec.nodes()).mapToObj(i -> "n" + i).toList());
        this.net = new PacketNet("netns", () -> ((NetnsCluster) cluster()).network().filter());
    }

    /** The (not set up) Db of {@code spec} in {@code range}. */
    static NetnsRedisDb of(ClusterSpec spec, AddressRange range) {
        return new NetnsRedisDb(spec, range);
    }

    @Override
    public Net net() {
        return net;
    }

    @Override
    public Optional<String> cannot(NetFault fault) {
        return net.cannot(fault);
    }
}
