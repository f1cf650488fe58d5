package io.faultline.harness.plan;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.faultline.core.db.Db;
import io.faultline.core.generator.FaultKind;
import io.faultline.core.generator.FaultSchedule;
import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.net.Net;
import io.faultline.core.node.HasNet;
import io.faultline.core.system.Workload;
import io.faultline.workloads.Workloads;
import io.faultline.harness.runner.TestSpec;
import io.faultline.nemesis.link.LinkTable;
import io.faultline.nemesis.link.ProxyNet;
import io.faultline.nemesis.proxy.FaultProxyServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import io.faultline.harness.schedule.FaultScheduleCodec;

/**
 * Assembles a runnable test from {@link TestOptions}: the system's Db with every link it routes going
 * through an embedded fault proxy (or, for a Db that is {@link HasNet}, its own packet-level network), the workload (the system's client, the workload's generator and
 * checker), the nemeses of the chosen {@link FaultPackages}, and the whole schedule: main phase
 * (client ops at the rate, faults every interval) for the time limit, then heal everything, wait for
 * recovery, and the final ops.
 */
public final class TestPlan {

    private TestPlan() {
    }

    /**
     * Builds the test; starts the fault proxy (nothing else runs until the runner starts).
     *
     * @throws IllegalArgumentException one line, when the runtime is not available or the system lacks
     *                                  what a fault needs
     */
    public static PlannedTest plan(TestOptions o) {
        String listenHost = o.system().proxyHost(o.runtime());
        FaultProxyServer proxy = FaultProxyServer.start(new InetSocketAddress("127.0.0.1", 0));
        try {
            LinkTable links = listenHost.equals("127.0.0.1") ? LinkTable.over(proxy)
                    : LinkTable.over(new ToxiproxyClient(proxy.host(), proxy.port()), listenHost);
            try {
                return new PlannedTest(spec(o, links), proxy, links);
            } catch (RuntimeException e) {
                links.close();
                throw e;
            }
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    static TestSpec spec(TestOptions o, LinkTable links) {
        Db db = o.system().db(o.systemOptions(), o.runtime(), links::route);
        Workload workload = Workloads.withKeys(o.system().workload(o.workload(), o.systemOptions(), db), o.keys());
        List<FaultPackage> packages = FaultPackages.of(o.faults());
        // a runtime that cuts packets itself (netns) gives its own network; otherwise the links' fault proxies
        Net net = db instanceof HasNet own ? own.net() : ProxyNet.over(links);
        FaultContext context = new FaultContext(net, db, o.system().extraHosts(o.systemOptions()),
                o.target(), new Random(o.seed()));
        Nemesis nemesis = FaultPackages.nemesis(packages, context);
        Generator generator = o.schedule() == null ? generator(o, workload)
                : explicitGenerator(o, workload, ExplicitSchedule.generator(o, db.nodes(), context.extraHosts()));
        return new TestSpec(o.effectiveName(), db, workload.client(), nemesis, generator, workload.checker(),
                o.effectiveConcurrency(db.nodes().size()), o.seed(), o.timeLimit(), o.store(), describe(o));
    }

    /** The scheduled faults of the options' packages. */
    static List<FaultKind> faultKinds(TestOptions o) {
        return FaultPackages.of(o.faults()).stream().map(p -> p.schedule().apply(o)).toList();
    }

    /**
     * The whole test: client ops at the rate, with faults, for the time limit; then heal every fault,
     * wait for recovery, and run the workload's final ops.
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

    /**
     * The whole test with an explicit schedule: client ops at the rate and exactly the schedule's nemesis ops
     * for the time limit (a fault still on at the end is healed by its stop op, run as the final heal),
     * then recovery and the final ops.
     */
    static Generator explicitGenerator(TestOptions o, Workload w, Generator faults) {
        Duration meanInterval = Duration.ofNanos((long) (1e9 / o.rate()));
        Generator clients = Generators.clients(Generators.stagger(meanInterval, w.generator()));
        List<FaultKind> kinds = faultKinds(o).stream().map(k -> FaultKind.of(k.name(), k.startF(), k.startValue(), k.stopF(), null))
                .toList();
        return Generators.phases(
                Generators.timeLimit(o.timeLimit(), Generators.any(clients, faults)),
                FaultSchedule.finalPhase(kinds),
                Generators.sleep(o.recovery()),
                Generators.clients(w.finalOps()));
    }

    /** What {@code test.json} records: the harness's options, the system's, the fault vocabulary, the rerun line. */
    static Map<String, Object> describe(TestOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("system", o.system().name());
        m.put("runtime", o.runtime());
        m.put("workload", o.workload());
        m.put("nemesis", String.join(",", o.faults()));
        m.put("partition", o.partition());
        m.put("target", o.target());
        m.put("time-limit-s", o.timeLimit().toMillis() / 1000.0);
        m.put("fault-interval-s", o.faultInterval().toMillis() / 1000.0);
        m.put("recovery-s", o.recovery().toMillis() / 1000.0);
        m.put("rate", o.rate());
        if (o.concurrency() > 0) m.put("concurrency-option", o.concurrency());
        if (o.keys() > 0) m.put("keys", o.keys());
        if (o.schedule() != null) m.put("schedule", FaultScheduleCodec.toEdn(o.schedule(), null).strip());
        m.putAll(o.system().describe(o.systemOptions()));
        m.put("faults", FaultPackages.describe(FaultPackages.all()));
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
