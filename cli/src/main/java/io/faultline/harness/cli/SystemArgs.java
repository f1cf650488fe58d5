package io.faultline.harness.cli;

import io.faultline.core.system.SystemOptions;
import io.faultline.core.system.Systems;
import io.faultline.core.system.TestSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test's own options on a command line: whatever the command's own options did not
 * match, as {@code --name value} or {@code --name=value}, checked against the system's
 * {@link TestSystem#options()}. A word that is not an option, or an option the system does not have,
 * is one line naming the options it has (bad input, exit 254).
 */
final class SystemArgs {

    private SystemArgs() {
    }

    /** The system named on the command line; {@code IllegalArgumentException} naming the known ones. */
    static TestSystem system(String name) {
        return Systems.load().get(name);
    }

    /** The system's options from the unmatched arguments, over {@code base} (e.g. a running cluster's). */
    static SystemOptions parse(TestSystem system, List<String> unmatched, Map<String, String> base) {
        Map<String, String> given = new LinkedHashMap<>(base);
        for (int i = 0; i < unmatched.size(); i++) {
            String arg = unmatched.get(i);
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new BadInputException("unexpected argument '" + arg + "' (system " + system.name() + "'s options: "
                        + names(system) + ")");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < unmatched.size()) {
                value = unmatched.get(++i);
            } else {
                throw new BadInputException("--" + name + " needs a value");
            }
            given.put(name, value);
        }
        return SystemOptions.of(system, given);
    }

    static String names(TestSystem system) {
        return system.options().isEmpty() ? "none"
                : "--" + String.join(", --", system.options().stream().map(o -> o.name()).toList());
    }
}
