package io.faultline.harness.plan;

import io.faultline.core.db.Db;
import io.faultline.core.net.Net;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What the fault packages' nemeses act on: the network of fault proxies, the system's Db (whose
 * optional abilities the process faults need), the hosts beside its nodes that partitions may cut,
 * the default targets and a seeded random.
 *
 * @param net        the links' fault proxies
 * @param db         the system under test
 * @param extraHosts e.g. {@code zk1..zk3}; may be empty
 * @param target     whom kill and pause hit when the op does not say
 * @param random     seeded by the test's seed
 */
public record FaultContext(Net net, Db db, List<String> extraHosts, String target, Random random) {

    public FaultContext {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(db, "db");
        extraHosts = List.copyOf(extraHosts);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(random, "random");
    }
}
