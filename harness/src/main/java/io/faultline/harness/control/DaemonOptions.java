package io.faultline.harness.control;

import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.TestSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What cluster {@code faultline cluster up} starts: the system, its runtime and its options
 * (already checked by {@link SystemOptions#of}).
 *
 * @param system  the system under test
 * @param runtime one of its runtimes
 * @param options its options
 */
public record DaemonOptions(TestSystem system, String runtime, SystemOptions options) {

    public DaemonOptions {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(options, "options");
        if (!system.runtimes().contains(runtime)) {
            throw new IllegalArgumentException("--runtime must be one of " + String.join(", ", system.runtimes()) + ", was '"
                    + runtime + "'");
        }
    }

    /** The options as {@code cluster up} arguments, for re-launching the daemon in the background. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--system", system.name(), "--runtime", runtime));
        args.addAll(options.toArgs());
        return args;
    }
}
