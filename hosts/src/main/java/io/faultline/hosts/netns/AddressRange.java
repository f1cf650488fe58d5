package io.faultline.hosts.netns;

import java.util.Objects;

/**
 * The IPv4 range of one netns run, e.g. {@code 10.213.0.0/24} (the default): the bridge (the
 * control node's side, where the harness sits) gets the first address, the hosts the next ones in
 * order. Traffic stays on this machine: the range is only ever routed to Faultline's own bridge.
 *
 * @param network the network address, as an unsigned 32-bit value in a long
 * @param prefix  the prefix length, 8..30
 */
public record AddressRange(long network, int prefix) {
    /** The default range, chosen to be unlikely to clash with a machine's own networks. */
    public static final String DEFAULT = "10.213.0.0/24";

    public AddressRange {
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("the netns address range needs a prefix length in 8..30, was /" + prefix);
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("the netns address range " + dotted(network) + "/" + prefix
                    + " has host bits set; its network address is " + dotted(network & mask(prefix)));
        }
    }

    /**
     * Parses {@code a.b.c.d/p}.
     *
     * @throws IllegalArgumentException one line naming the value and the expected form
     */
    public static AddressRange parse(String cidr) {
        Objects.requireNonNull(cidr, "cidr");
        String[] parts = cidr.trim().split("/");
        String[] octets = parts[0].split("\\.");
        if (parts.length != 2 || octets.length != 4) {
            throw new IllegalArgumentException("the netns address range must look like " + DEFAULT + ", was '" + cidr + "'");
        }
        long value = 0;
        try {
            for (String octet : octets) {
                int o = Integer.parseInt(octet);
                if (o < 0 || o > 255) {
                    throw new NumberFormatException(octet);
                }
                value = (value << 8) | o;
            }
            return new AddressRange(value, Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the netns address range must look like " + DEFAULT + ", was '" + cidr + "'", e);
        }
    }

    /** How many hosts fit besides the bridge. */
    public long capacity() {
        return (1L << (32 - prefix)) - 3; // network, bridge, broadcast
    }

    /** The bridge's (control node's) address, the first of the range. */
    public String bridge() {
        return dotted(network + 1);
    }

    /**
     * The address of host number {@code index} (0-based).
     *
     * @throws IllegalArgumentException if the range has no room for it
     */
    public String host(int index) {
        if (index < 0 || index >= capacity()) {
            throw new IllegalArgumentException("the netns address range " + this + " has room for " + capacity()
                    + " hosts, not " + (index + 1));
        }
        return dotted(network + 2 + index);
    }

    /** {@code address/prefix}, as {@code ip addr add} takes it. */
    public String withPrefix(String address) {
        return address + "/" + prefix;
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefix;
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String dotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
