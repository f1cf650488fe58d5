package io.faultline.netnsdb;

import io.faultline.core.system.SystemOption;
import io.faultline.core.system.SystemOptions;
import io.faultline.hosts.netns.AddressRange;
import io.faultline.hosts.netns.NetnsRequirements;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The options every system on a {@link NetnsDb} has, named alike in each: {@code --nodes},
 * {@code --start-timeout}, {@code --netns-range}; and the checks of the netns runtime. Stateless.
 */
public final class NetnsOptions {
    /** The only runtime of a {@link NetnsDb} system. */
    public static final String RUNTIME = "netns";

    private NetnsOptions() {
    }

    /** {@code --nodes} (3 or 5 by {@link #validate}), {@code --start-timeout}, {@code --netns-range}. */
    public static List<SystemOption> common(int defaultNodes, long defaultStartMillis) {
        return List.of(
                SystemOption.integer("nodes", defaultNodes, 1, "servers, one per node (each in its own network namespace)"),
                SystemOption.millis("start-timeout", defaultStartMillis, 1, "how long setup waits for every server to serve, in ms"),
                SystemOption.text("netns-range", AddressRange.DEFAULT,
                        "the IPv4 range of the private bridge (the harness takes the first address)"));
    }

    /** @throws IllegalArgumentException one line: the range does not parse or has no room for the nodes */
    public static void validate(SystemOptions o) {
        AddressRange range = range(o);
        if (o.integer("nodes") > range.capacity()) {
            throw new IllegalArgumentException("--netns-range " + range + " has room for " + range.capacity() + " hosts, not "
                    + o.integer("nodes") + " (--nodes)");
        }
    }

    /** {@code n1..nN}. */
    public static List<String> nodes(SystemOptions o) {
        return IntStream.rangeClosed(1, o.integer("nodes")).mapToObj(i -> "n" + i).toList();
    }

    /** {@code --netns-range}, parsed. @throws IllegalArgumentException naming the option */
    public static AddressRange range(SystemOptions o) {
        try {
            return AddressRange.parse(o.string("netns-range"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--netns-range: " + e.getMessage(), e);
        }
    }

    /** {@code --start-timeout}. */
    public static Duration startTimeout(SystemOptions o) {
        return o.millis("start-timeout");
    }

    /**
     * What the netns runtime needs of this machine, for {@link io.faultline.core.system.TestSystem#proxyHost}.
     *
     * @throws IllegalArgumentException e.g. {@code --runtime netns needs root (this is uid 1000)}
     */
    public static void checkMachine(String system) {
        NetnsRequirements.missing().ifPresent(reason -> {
            throw new IllegalArgumentException("--runtime netns " + reason + " (system " + system + " runs only on netns)");
        });
    }
}
