package io.faultline.sut.lease;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one lease agent needs, passed on its command line as {@code --key=value}.
 *
 * @param node           this node's id, e.g. "n2"
 * @param group          its group, e.g. "g1"
 * @param redis          its own Redis (same node, not routed)
 * @param advertised     the address written into the leader znode: the Redis as it listens
 *                       (clients route from it)
 * @param zookeeper      the ZooKeeper connect string, made of this node's routed addresses
 * @param sessionTimeout the lease: the ZooKeeper session timeout
 * @param onLeaseLoss    keep or demote
 * @param peers          for each other member of the group, the routed address this node's
 *                       Redis uses to replicate from it
 */
public record AgentConfig(String node, String group, InetSocketAddress redis, InetSocketAddress advertised,
                          String zookeeper, Duration sessionTimeout, OnLeaseLoss onLeaseLoss,
                          Map<String, InetSocketAddress> peers) {

    public AgentConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(advertised, "advertised");
        Objects.requireNonNull(zookeeper, "zookeeper");
        Objects.requireNonNull(onLeaseLoss, "onLeaseLoss");
        if (sessionTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("sessionTimeout must be at least 100ms, was " + sessionTimeout);
        }
        peers = Map.copyOf(peers);
    }

    /** Members of the group including this node. */
    public int groupSize() {
        return peers.size() + 1;
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--node=" + node, "--group=" + group,
                "--redis=" + hostPort(redis), "--advertised=" + hostPort(advertised),
                "--zookeeper=" + zookeeper, "--session-timeout-ms=" + sessionTimeout.toMillis(),
                "--on-lease-loss=" + onLeaseLoss.name().toLowerCase(java.util.Locale.ROOT)));
        peers.forEach((id, addr) -> args.add("--peer=" + id + "=" + hostPort(addr)));
        return args;
    }

    public static AgentConfig parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, InetSocketAddress> peers = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got '" + arg + "'");
            }
            String key = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (key.equals("peer")) {
                int eq = value.indexOf('=');
                peers.put(value.substring(0, eq), address(value.substring(eq + 1)));
            } else {
                opts.put(key, value);
            }
        }
        return new AgentConfig(required(opts, "node"), required(opts, "group"), address(required(opts, "redis")),
                address(required(opts, "advertised")), required(opts, "zookeeper"),
                Duration.ofMillis(Long.parseLong(required(opts, "session-timeout-ms"))),
                OnLeaseLoss.parse(required(opts, "on-lease-loss")), peers);
    }

    private static String required(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key + "=... in agent arguments " + opts.keySet());
        }
        return v;
    }

    static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
