package io.faultline.nemesis.process;

import java.util.Locale;

/** Which nodes a process fault hits, as Jepsen names them. */
public enum Target {
    /** One node. */
    ONE,
    /** Fewer than half: one less than a majority ({@code 2} of 5). */
    MINORITY,
    /** A majority ({@code 3} of 5). */
    MAJORITY,
    /** Every node. */
    ALL,
    /** The nodes that are primaries now. */
    PRIMARIES;

    /** The op-value name, e.g. {@code minority}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code one}, {@code minority}, {@code majority}, {@code all} or {@code primaries}.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static Target parse(String name) {
        for (Target target : values()) {
            if (target.wireName().equals(name)) return target;
        }
        throw new IllegalArgumentException("unknown target '" + name
                + "' (expected one, minority, majority, all or primaries)");
    }
}
