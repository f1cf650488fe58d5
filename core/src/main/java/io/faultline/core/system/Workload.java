package io.faultline.core.system;

import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.generator.Generator;
import java.util.Objects;

/**
 * A workload, as in Jepsen: what the clients do, what they read at the end, and how it is judged.
 *
 * @param name      e.g. {@code register}; never null
 * @param client    the client prototype the runner opens once per process; never null
 * @param generator the client ops of the main phase, unbounded (the runner adds rate and time limit)
 * @param finalOps  the ops after the faults are healed and the cluster has recovered (e.g. final
 *                  reads); {@link io.faultline.core.generator.Generators#empty()} when there are none
 * @param checker   the workload's checker, including stats; never null
 */
public record Workload(String name, Client client, Generator generator, Generator finalOps, Checker checker) {

    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(finalOps, "finalOps");
        Objects.requireNonNull(checker, "checker");
    }
}
