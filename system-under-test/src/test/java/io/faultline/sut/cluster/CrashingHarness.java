package io.faultline.sut.cluster;

import java.nio.file.Path;
import java.time.Duration;

/** A stand-in harness for {@link HarnessCrashIT}: starts a cluster, says UP, and waits to be killed. */
public final class CrashingHarness {
    private CrashingHarness() {
    }

    public static void main(String[] args) throws Exception {
        ClusterSpec spec = ClusterSpec.builder().nodes(3).zookeepers(1).sessionTimeout(Duration.ofSeconds(2))
                .workDir(Path.of(args[0])).pidDir(Path.of(args[1])).build();
        LocalCluster cluster = LocalCluster.create(spec);
        cluster.start();
        System.out.println("UP");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until SIGKILL
    }
}
