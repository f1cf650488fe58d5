package io.faultline.sut.netns;

import io.faultline.hosts.netns.AddressRange;
import io.faultline.sut.cluster.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;

/** A stand-in harness for {@link NetnsHarnessCrashIT}: starts a netns cluster, says {@code UP <run>}, and waits to be killed. */
public final class CrashingNetnsHarness {
    private CrashingNetnsHarness() {
    }

    public static void main(String[] args) throws Exception {
        ClusterSpec spec = ClusterSpec.builder().nodes(3).zookeepers(1).sessionTimeout(Duration.ofSeconds(2))
                .workDir(Path.of(args[0])).pidDir(Path.of(args[1])).build();
        NetnsCluster cluster = NetnsCluster.create(spec, AddressRange.parse(args[2]));
        cluster.start();
        System.out.println("UP " + cluster.network().names().run());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until SIGKILL
    }
}
