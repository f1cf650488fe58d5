package io.faultline.core.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a system's options: every option of {@link TestSystem#options()}, given or default,
 * each checked. Immutable; made with {@link #of}.
 */
public final class SystemOptions {

    private final String system;
    private final Map<String, SystemOption> specs;
    private final Map<String, String> values;

    private SystemOptions(String system, Map<String, SystemOption> specs, Map<String, String> values) {
        this.system = system;
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The options of {@code system} with {@code given} values (names without dashes) over the defaults,
     * checked one by one and then by {@link TestSystem#validate}.
     *
     * @throws IllegalArgumentException one line: an option the system does not have (naming the ones it
     *                                  has) or a bad value (naming the option)
     */
    public static SystemOptions of(TestSystem system, Map<String, String> given) {
        Map<String, SystemOption> specs = new LinkedHashMap<>();
        for (SystemOption o : system.options()) specs.put(o.name(), o);
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("system " + system.name() + " has no option --" + name + " (its options: "
                        + (specs.isEmpty() ? "none" : "--" + String.join(", --", specs.keySet())) + ")");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (SystemOption o : specs.values()) {
            String v = given.get(o.name());
            values.put(o.name(), v == null || v.equals(o.defaultValue()) ? o.defaultValue() : o.check(v)); // a default (even an empty one) stands
        }
        SystemOptions options = new SystemOptions(system.name(), specs, values);
        system.validate(options);
        return options;
    }

    /** The system these options are for. */
    public String system() {
        return system;
    }

    /** Every option's value, in the system's order. */
    public Map<String, String> values() {
        return values;
    }

    /** This with {@code name} set to {@code value} (checked). */
    public SystemOptions with(String name, String value) {
        SystemOption spec = spec(name);
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(name, spec.check(value));
        return new SystemOptions(system, specs, v);
    }

    public String string(String name) {
        spec(name);
        return values.get(name);
    }

    public int integer(String name) {
        return Integer.parseInt(string(name).trim());
    }

    public Duration millis(String name) {
        return Duration.ofMillis(Long.parseLong(string(name).trim()));
    }

    /** A {@link SystemOption.Type#PATH}, or null when none was given. */
    public Path path(String name) {
        String v = string(name);
        return v.isEmpty() ? null : Path.of(v);
    }

    /** The values as command-line arguments, {@code --name value}, empty paths left out. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) args.addAll(List.of("--" + k, v));
        });
        return args;
    }

    private SystemOption spec(String name) {
        SystemOption spec = specs.get(name);
        if (spec == null) throw new IllegalArgumentException("system " + system + " has no option --" + name);
        return spec;
    }

    @Override
    public String toString() {
        return system + values;
    }
}
