package io.faultline.workloads;

import io.faultline.core.checker.Checker;
import io.faultline.workloads.counter.CounterWorkload;
import io.faultline.workloads.register.RegisterWorkload;
import io.faultline.workloads.set.SetWorkload;
import java.time.Duration;
import java.util.List;

/** The workloads by name: for re-checking a stored run, whose test.json names its workload. */
public final class Workloads {

    public static final List<String> NAMES = List.of("register", "set", "counter");

    private Workloads() {
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
            default -> throw new IllegalArgumentException("unknown workload '" + workload + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
