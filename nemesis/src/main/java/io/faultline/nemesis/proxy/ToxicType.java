package io.faultline.nemesis.proxy;

import java.util.List;

/**
 * The toxics the fault proxy understands, with their Toxiproxy wire names and attributes.
 *
 * <p>All attributes are non-negative integers; an attribute a request leaves out is 0.
 */
public enum ToxicType {
    /** Delays each chunk by {@code latency} ms, plus or minus up to {@code jitter} ms. */
    LATENCY("latency", List.of("latency", "jitter")),
    /** Limits the rate to {@code rate} KB/s (1 KB = 1000 bytes); 0 means no limit. */
    BANDWIDTH("bandwidth", List.of("rate")),
    /** Delays the close of the connection by {@code delay} ms once its source closed. */
    SLOW_CLOSE("slow_close", List.of("delay")),
    /**
     * Stops the data. With {@code timeout} 0 the bytes are held back (the proxy stops reading, so
     * TCP flow control holds the sender) until the toxic goes; otherwise the connection is closed
     * after {@code timeout} ms.
     */
    TIMEOUT("timeout", List.of("timeout")),
    /** Resets the connection (TCP RST) {@code timeout} ms after data next arrives. */
    RESET_PEER("reset_peer", List.of("timeout")),
    /** Closes the connection once {@code bytes} bytes have passed. */
    LIMIT_DATA("limit_data", List.of("bytes")),
    /** Slices data into pieces of about {@code average_size} bytes, {@code delay} µs apart. */
    SLICER("slicer", List.of("average_size", "size_variation", "delay"));

    private final String wireName;
    private final List<String> attributes;

    ToxicType(String wireName, List<String> attributes) {
        this.wireName = wireName;
        this.attributes = attributes;
    }

    /** The Toxiproxy name, e.g. {@code reset_peer}. */
    public String wireName() {
        return wireName;
    }

    /** The attribute names this toxic reads. */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * Parses a wire name.
     *
     * @throws IllegalArgumentException naming the value when no toxic has that name
     */
    public static ToxicType ofWireName(String name) {
        for (ToxicType type : values()) {
            if (type.wireName.equals(name)) return type;
        }
        throw new IllegalArgumentException("invalid toxic type: '" + name + "'");
    }
}
