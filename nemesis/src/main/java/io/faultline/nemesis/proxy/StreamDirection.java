package io.faultline.nemesis.proxy;

import java.util.Locale;

/**
 * Which way through a proxy a toxic acts: {@code upstream} is client to server, {@code downstream}
 * is server to client (Toxiproxy's {@code stream} field).
 */
public enum StreamDirection {
    UPSTREAM, DOWNSTREAM;

    /** The wire name, {@code upstream} or {@code downstream}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the value when it is neither upstream nor downstream
     */
    public static StreamDirection ofWireName(String name) {
        if ("upstream".equals(name)) return UPSTREAM;
        if ("downstream".equals(name)) return DOWNSTREAM;
        throw new IllegalArgumentException(
                "stream was invalid, can be either upstream or downstream: '" + name + "'");
    }
}
