package io.faultline.etcd;

import io.faultline.core.db.Db;
import io.faultline.core.net.LinkRouter;
import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import io.faultline.core.system.Workload;
import io.faultline.netnsdb.NetnsOptions;
import io.faultline.workloads.Workloads;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code etcd}: a cluster of real etcd members (the {@code etcd} binary, e.g. Debian's
 * {@code etcd-server} 3.4), one per node, each in its own network namespace (runtime {@code netns}
 * only), driven through each member's v3 HTTP/JSON gateway. Workloads {@code register} and
 * {@code set}; {@code --reads linearizable} (etcd's default) or {@code serializable}. See docs/etcd.md.
 */
public final class EtcdSystem implements TestSystem {
    private static final List<String> WORKLOADS = List.of("register", "set");

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    public String description() {
        return "etcd (the real etcd binary, e.g. Debian's etcd-server 3.4), one member per node, on network namespaces";
    }

    @Override
    public List<SystemOption> options() {
        List<SystemOption> o = new ArrayList<>(NetnsOptions.common(3, 30_000));
        o.add(SystemOption.choice("reads", List.of("linearizable", "serializable"),
                "linearizable (etcd's default: through the leader's quorum), or serializable (the member's own copy, maybe stale)"));
        o.add(SystemOption.millis("client-timeout", 1000, 1, "each client request's timeout in ms (a write that times out is :info)"));
        o.add(SystemOption.path("etcd-binary", "the etcd to run (default: etcd on PATH; Debian: apt-get install etcd-server)"));
        return o;
    }

    @Override
    public void validate(SystemOptions o) {
        NetnsOptions.validate(o);
    }

    @Override
    public List<String> runtimes() {
        return List.of(NetnsOptions.RUNTIME);
    }

    @Override
    public List<String> workloads() {
        return WORKLOADS;
    }

    /** Checks the machine (root, ip, iptables) before anything starts; there are no proxies. */
    @Override
    public String proxyHost(String runtime) {
        NetnsOptions.checkMachine(name());
        return "127.0.0.1";
    }

    /** @throws IllegalArgumentException one line when the etcd binary is missing */
    @Override
    public Db db(SystemOptions o, String runtime, LinkRouter links) {
        return new EtcdDb(NetnsOptions.nodes(o), NetnsOptions.range(o), binary(o), NetnsOptions.startTimeout(o));
    }

    @Override
    public Workload workload(String name, SystemOptions o, Db db) {
        if (!(db instanceof EtcdDb etcd)) throw new IllegalArgumentException("system etcd runs its workloads on its own Db, not on " + db);
        EtcdClient.Kind kind = switch (name) {
            case "register" -> EtcdClient.Kind.REGISTER;
            case "set" -> EtcdClient.Kind.SET;
            default -> throw new IllegalArgumentException("system etcd has no workload '" + name + "' (its workloads: "
                    + String.join(", ", WORKLOADS) + ")");
        };
        boolean serializable = o.string("reads").equals("serializable");
        return Workloads.create(name, EtcdClient.prototype(etcd, kind, serializable, o.millis("client-timeout")));
    }

    /** {@code linearizable-reads}, {@code serializable-reads}. */
    @Override
    public String label(SystemOptions o) {
        return o.string("reads") + "-reads";
    }

    @Override
    public Map<String, Object> describe(SystemOptions o) {
        Map<String, Object> m = new LinkedHashMap<>(o.values());
        m.put("etcd-binary", binary(o));
        return m;
    }

    /**
     * {@code --etcd-binary}, else {@code etcd} found on PATH.
     *
     * @throws IllegalArgumentException one line naming the option and the package when there is none
     */
    static String binary(SystemOptions o) {
        Path given = o.path("etcd-binary");
        if (given != null) {
            if (!Files.isExecutable(given)) throw new IllegalArgumentException("--etcd-binary " + given + " is not an executable file");
            return given.toString();
        }
        return onPath("etcd").orElseThrow(() -> new IllegalArgumentException(
                "system etcd needs the etcd binary: none on PATH (apt-get install etcd-server, or give --etcd-binary PATH)"));
    }

    /** The first executable {@code name} in PATH's directories. */
    static java.util.Optional<String> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return java.util.Optional.of(p.toString());
        }
        return java.util.Optional.empty();
    }
}
