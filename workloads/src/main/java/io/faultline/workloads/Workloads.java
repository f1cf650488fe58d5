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
