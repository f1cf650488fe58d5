package io.faultline.harness.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What cluster {@code faultline cluster up} starts: the runtime, its size and the system under
 * test's safety knobs. Validated on construction with messages naming the option and the value.
 *
 * @param runtime        {@code local} (processes) or {@code docker} (Redis containers)
 * @param nodes          Redis nodes, at least 2
 * @param groups         replica groups, 1..nodes
 * @param zookeepers     ZooKeeper servers, at least 1
 * @param sessionTimeout the lease (ZooKeeper session) timeout, at least 400 ms
 * @param replication    {@code async} or {@code sync}
 * @param onLeaseLoss    {@code keep} or {@code demote}
 * @param redisBinary    an explicit redis-server, or null
 */
public record DaemonOptions(String runtime, int nodes, int groups, int zookeepers, Duration sessionTimeout,
                            String replication, String onLeaseLoss, Path redisBinary) {

    public DaemonOptions {
        if (!List.of("local", "docker").contains(runtime)) {
            throw new IllegalArgumentException("--runtime must be one of local, docker, was '" + runtime + "'");
        }
        if (nodes < 2) throw new IllegalArgumentException("--nodes must be >= 2, was " + nodes);
        if (groups < 1 || groups > nodes) throw new IllegalArgumentException("--groups must be in 1..--nodes, was " + groups);
        if (zookeepers < 1) throw new IllegalArgumentException("--zookeepers must be >= 1, was " + zookeepers);
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (sessionTimeout.toMillis() < 400) {
            throw new IllegalArgumentException("--session-timeout must be >= 400 ms, was " + sessionTimeout.toMillis());
        }
        if (!List.of("async", "sync").contains(replication)) {
            throw new IllegalArgumentException("--replication must be one of async, sync, was '" + replication + "'");
        }
        if (!List.of("keep", "demote").contains(onLeaseLoss)) {
            throw new IllegalArgumentException("--on-lease-loss must be one of keep, demote, was '" + onLeaseLoss + "'");
        }
    }

    /** The options as {@code cluster up} arguments, for re-launching the daemon in the background. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--runtime", runtime, "--nodes", Integer.toString(nodes),
                "--groups", Integer.toString(groups), "--zookeepers", Integer.toString(zookeepers),
                "--session-timeout", Long.toString(sessionTimeout.toMillis()), "--replication", replication,
                "--on-lease-loss", onLeaseLoss));
        if (redisBinary != null) args.addAll(List.of("--redis-binary", redisBinary.toAbsolutePath().toString()));
        return args;
    }
}
