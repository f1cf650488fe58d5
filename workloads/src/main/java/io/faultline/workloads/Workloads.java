package io.faultline.workloads;

import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.system.Workload;
import io.faultline.workloads.counter.CounterWorkload;
import io.faultline.workloads.register.RegisterWorkload;
import io.faultline.workloads.set.SetWorkload;
import java.time.Duration;
import java.util.List;

/**
 * The registry of workloads, by name: a system makes one with its own client ({@link #create}), and
 * a stored run, whose {@code test.json} names its workload, is re-checked with its checker
 * ({@link #checker}). A system may also bring workloads of its own; these are the shared ones.
 */
public final class Workloads {

    /** The names, in the order systems usually list them. */
    public static final List<String> NAMES = List.of("register", "set", "counter");

    /** Register keys move on after this many ops, so each key's history stays small. */
    public static final int REGISTER_OPS_PER_KEY = 200;

    /** How long the register workload's linearizability checker may take. */
    public static final Duration CHECK_LIMIT = Duration.ofMinutes(2);

    private Workloads() {
    }

    /**
     * The workload {@code name} over {@code client}, the system's adapter of the workload's ops.
     *
     * @throws IllegalArgumentException naming an unknown workload and the known ones
     */
    public static Workload create(String name, Client client) {
        return switch (name) {
            case "register" -> RegisterWorkload.create(REGISTER_OPS_PER_KEY, CHECK_LIMIT, client);
            case "set" -> SetWorkload.create(client);
            case "counter" -> CounterWorkload.create(client);
            default -> throw unknown(name);
        };
    }

    /**
     * The workload {@code name} over {@code client}, with {@code keys} keys ({@code --keys}; 0: the
     * workload's own count): {@link #withKeys} of {@link #create(String, Client)}.
     */
    public static Workload create(String name, Client client, int keys) {
        return withKeys(create(name, client), keys);
    }

    /**
     * {@code w} with {@code keys} keys ({@code --keys}), or {@code w} itself when {@code keys} is 0 (the
     * workload's own count) or the workload has no key count to change: {@code register} uses that many
     * keys at once (instead of {@value RegisterWorkload#KEYS_AT_ONCE}); {@code set} spreads its elements
     * over that many sets (instead of {@value SetWorkload#SET_KEYS}) when the system's client is a
     * {@link KeyedClient} (redis-zk's), else ignores it; {@code counter} has one key and ignores it, as does
     * a workload a system brings itself. The harness applies it to whatever {@code TestSystem.workload}
     * returns, so the systems need not pass it.
     *
     * @throws IllegalArgumentException when {@code keys} is negative
     */
    public static Workload withKeys(Workload w, int keys) {
        if (keys < 0) throw new IllegalArgumentException("--keys must be >= 1, was " + keys);
        if (keys == 0) return w;
        return switch (w.name()) {
            case "register" -> RegisterWorkload.withKeys(w, keys);
            case "set" -> SetWorkload.withKeys(w, keys);
            default -> w;
        };
    }

    /** The key count a workload uses without {@code --keys}, 0 for one without a key count ({@code counter}). */
    public static int defaultKeys(String name) {
        return switch (name) {
            case "register" -> RegisterWorkload.KEYS_AT_ONCE;
            case "set" -> SetWorkload.SET_KEYS;
            default -> 0;
        };
    }

    /**
     * The checker of a workload.
     *
     * @throws IllegalArgumentException naming an unknown workload and the known ones
     */
    public static Checker checker(String workload, Duration checkLimit) {
        return switch (workload) {
            case "register" -> RegisterWorkload.checker(checkLimit);
            case "set" -> SetWorkload.checker();
            case "counter" -> CounterWorkload.checker();
            default -> throw unknown(workload);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
}
