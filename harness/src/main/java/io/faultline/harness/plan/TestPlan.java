package io.faultline.harness.plan;

import io.faultline.core.generator.FaultKind;
import io.faultline.core.generator.FaultSchedule;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.harness.runner.TestSpec;
import io.faultline.nemesis.compose.ComposedNemesis;
import io.faultline.nemesis.grudge.Grudges;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.network.LinkNemesis;
import io.faultline.nemesis.network.PartitionNemesis;
import io.faultline.nemesis.process.ProcessNemesis;
import io.faultline.nemesis.process.Target;
import io.faultline.nemesis.proxy.FaultProxyServer;
import io.faultline.sut.client.ClientConfig;
import io.faultline.sut.client.ReadMode;
import io.faultline.sut.client.Replication;
import io.faultline.sut.cluster.ClusterSpec;
import io.faultline.sut.cluster.LocalCluster;
import io.faultline.sut.lease.OnLeaseLoss;
import io.faultline.sut.link.LinkRouter;
import io.faultline.workloads.Workload;
import io.faultline.workloads.counter.CounterWorkload;
import io.faultline.workloads.redis.RedisClient;
import io.faultline.workloads.redis.RedisDb;
import io.faultline.workloads.register.RegisterWorkload;
import io.faultline.workloads.set.SetWorkload;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Assembles a runnable test from {@link TestOptions}: the Redis cluster with every link routed
 * through an embedded fault proxy, the workload's client, generator and checker, the nemeses for
 * the chosen faults, and the whole schedule: main phase (client ops at the rate, faults every
 * interval) for the time limit, then heal everything, wait for recovery, and the final reads.
 */
public final class TestPlan {

    /** Register keys move on after this many ops, so each key's history stays small. */
    static final int REGISTER_OPS_PER_KEY = 200;

    private TestPlan() {
    }

    /** Builds the test; starts the fault proxy (nothing else runs until the runner starts). */
    public static PlannedTest plan(TestOptions o) {
        String dockerListenHost = o.runtime().equals("docker") ? DockerRuntime.proxyListenHost() : null;
        FaultProxyServer proxy = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        try {
            LinkTable links = dockerListenHost != null ? DockerRuntime.links(proxy, dockerListenHost) : LinkTable.over(proxy);
            return new PlannedTest(spec(o, links), proxy, links);
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    static TestSpec spec(TestOptions o, LinkTable links) {
        LinkRouter router = (from, to, kind, target) -> links.route(from, to, kind.name(), target);
        ClusterSpec.Builder cluster = ClusterSpec.builder().nodes(o.nodes()).groups(o.groups()).zookeepers(o.zookeepers())
                .sessionTimeout(o.sessionTimeout()).replication(Replication.parse(o.replication()))
                .onLeaseLoss(OnLeaseLoss.parse(o.onLeaseLoss()));
        if (o.redisBinary() != null) cluster.redisBinary(o.redisBinary());
        ClusterSpec clusterSpec = cluster.build();
        RedisDb db = RedisDb.of(o.runtime().equals("docker") ? DockerRuntime.cluster(clusterSpec, router)
                : () -> LocalCluster.create(clusterSpec, router), o.nodes());
        Workload workload = workload(o, db);
        Random random = new Random(o.seed());
        ProxyNet net = ProxyNet.over(links);
        List<String> zks = Grudges.zookeeperServers(o.zookeepers());
        Nemesis nemesis = ComposedNemesis.compose(
                PartitionNemesis.over(net, db.nodes(), zks, db, random),
                ProcessNemesis.kill(db, db.nodes(), db, Target.parse(o.target()), random),
                ProcessNemesis.pause(db, db.nodes(), db, Target.parse(o.target()), random),
                LinkNemesis.latency(net, Duration.ofMillis(100), Duration.ofMillis(50)),
                LinkNemesis.flaky(net, 0.2));
        return new TestSpec(o.effectiveName(), db, workload.client(), nemesis, generator(o, workload), workload.checker(),
                o.effectiveConcurrency(), o.seed(), o.timeLimit(), o.store(), describe(o));
    }

    static Workload workload(TestOptions o, RedisDb db) {
        return workload(o, () -> db.cluster().clientConfig().clientId("client").reads(ReadMode.parse(o.reads())).build());
    }

    /** The workload of the options, its clients connecting with {@code config} (asked when the first one opens). */
    static Workload workload(TestOptions o, Supplier<ClientConfig> config) {
        Duration checkLimit = Duration.ofMinutes(2);
        return switch (o.workload()) {
            case "register" -> RegisterWorkload.create(REGISTER_OPS_PER_KEY, checkLimit,
                    RedisClient.prototype(config, RegisterWorkload.commands()));
            case "set" -> SetWorkload.create(RedisClient.prototype(config, SetWorkload.commands()));
            case "counter" -> CounterWorkload.create(RedisClient.prototype(config, CounterWorkload.commands()));
            default -> throw new IllegalArgumentException("unknown workload " + o.workload());
        };
    }

    /** The fault kinds the schedule picks from. */
    static List<FaultKind> faultKinds(TestOptions o) {
        List<FaultKind> kinds = new ArrayList<>();
        for (String f : o.faults()) {
            kinds.add(switch (f) {
                case "partition" -> FaultKind.partition(o.partition());
                case "zk" -> FaultKind.of("zk", "start-partition", "zk-one", "stop-partition", null);
                case "kill" -> FaultKind.of("kill", "kill", o.target(), "start", null);
                case "pause" -> FaultKind.of("pause", "pause", o.target(), "resume", null);
                case "latency" -> FaultKind.of("latency", "start-slow", null, "stop-slow", null);
                case "flaky" -> FaultKind.of("flaky", "start-flaky", null, "stop-flaky", null);
                default -> throw new IllegalArgumentException("unknown fault " + f);
            });
        }
        return kinds;
    }

    /**
     * The whole test: client ops at the rate, with faults, for the time limit; then heal every fault,
     * wait for recovery, and run the workload's final reads.
     */
    static Generator generator(TestOptions o, Workload w) {
        Duration meanInterval = Duration.ofNanos((long) (1e9 / o.rate()));
        Generator clients = Generators.clients(Generators.stagger(meanInterval, w.generator()));
        List<FaultKind> kinds = faultKinds(o);
        if (kinds.isEmpty()) {
            return Generators.phases(Generators.timeLimit(o.timeLimit(), clients),
                    Generators.clients(w.finalOps()));
        }
        FaultSchedule schedule = FaultSchedule.of(kinds, o.faultInterval());
        return Generators.phases(
                Generators.timeLimit(o.timeLimit(), Generators.any(clients, schedule)),
                schedule.finalPhase(),
                Generators.sleep(o.recovery()),
                Generators.clients(w.finalOps()));
    }

    static Map<String, Object> describe(TestOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runtime", o.runtime());
        m.put("workload", o.workload());
        m.put("nemesis", String.join(",", o.faults()));
        m.put("partition", o.partition());
        m.put("target", o.target());
        m.put("time-limit-s", o.timeLimit().toMillis() / 1000.0);
        m.put("fault-interval-s", o.faultInterval().toMillis() / 1000.0);
        m.put("recovery-s", o.recovery().toMillis() / 1000.0);
        m.put("rate", o.rate());
        m.put("nodes", o.nodes());
        m.put("groups", o.groups());
        m.put("zookeepers", o.zookeepers());
        m.put("session-timeout-ms", o.sessionTimeout().toMillis());
        m.put("replication", o.replication());
        m.put("on-lease-loss", o.onLeaseLoss());
        m.put("reads", o.reads());
        if (!o.commandLine().isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("./faultline"));
            argv.addAll(o.commandLine());
            // a seed the generator chose itself must be on the rerun line, or the rerun is another schedule
            if (argv.stream().noneMatch(a -> a.equals("--seed") || a.startsWith("--seed="))) {
                argv.addAll(List.of("--seed", String.valueOf(o.seed())));
            }
            m.put("command-line", argv);
        }
        return m;
    }
}
