package io.faultline.rediszk;

import io.faultline.core.net.Net;
import io.faultline.core.net.NetFault;
import io.faultline.core.node.HasNet;
import io.faultline.hosts.ssh.SshPackets;
import io.faultline.nemesis.packet.PacketNet;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.link.LinkRouter;
import io.faultline.sut.ssh.SshCluster;
import io.faultline.sut.ssh.SshTarget;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The bundled system on the ssh runtime: a {@link RedisDb} over an {@link SshCluster} (every node and
 * ZooKeeper server on a host of its own, reached over SSH, links direct) whose network faults are
 * packets ({@link PacketNet} over iptables on the hosts); latency and bandwidth are refused, naming the
 * runtime that can make them.
 */
final class SshRedisDb extends RedisDb implements HasNet {
    private final PacketNet net;

    private SshRedisDb(ClusterSpec spec, SshTarget target) {
        super(r -> SshCluster.create(spec, target), LinkRouter.direct(),
                IntStream.rangeClosed(1, spec.nodes()).mapToObj(i -> "n" + i).toList());
        this.net = new PacketNet("ssh", () -> ((SshCluster) cluster()).packets());
    }

    /** The (not set up) Db of {@code spec} on {@code target}'s hosts. */
    static SshRedisDb of(ClusterSpec spec, SshTarget target) {
        return new SshRedisDb(spec, target);
    }

    @Override
    public Net net() {
        return net;
    }

    @Override
    public Optional<String> cannot(NetFault fault) {
        return fault == NetFault.BANDWIDTH ? Optional.of(SshPackets.NO_RATE) : net.cannot(fault);
    }
}
