package io.faultline.hosts.netns;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of everything one netns run creates, all starting with {@link #PREFIX} and the run id:
 * the switch namespace {@code fl-<run>-sw} (holding the bridge {@code br0}), a namespace per host
 * {@code fl-<run>-<host>}, the control link {@code fl-<run>} in the root namespace (the harness's
 * side of the bridge) and each host's veth {@code fl-<run>-<host>} (bridge side, in the switch
 * namespace). Link names fit Linux's 15 characters.
 *
 * @param run the run id: 6 lower-case hex digits
 */
public record NetnsNames(String run) {
    /** What every object's name starts with. */
    public static final String PREFIX = "fl-";
    /** The bridge's name inside the switch namespace. */
    public static final String BRIDGE = "br0";
    /** Each host namespace's interface on the bridge. */
    public static final String HOST_INTERFACE = "eth0";
    private static final Pattern RUN = Pattern.compile("[0-9a-f]{6}");
    private static final Pattern OBJECT = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{6})(?:-.*)?");
    private static final int MAX_LINK = 15;

    public NetnsNames {
        Objects.requireNonNull(run, "run");
        if (!RUN.matcher(run).matches()) {
            throw new IllegalArgumentException("a netns run id is 6 lower-case hex digits, was '" + run + "'");
        }
    }

    /** A fresh random run id. */
    public static NetnsNames fresh() {
        return new NetnsNames(String.format("%06x", new java.security.SecureRandom().nextInt(1 << 24)));
    }

    /** The run id of an object named by some run, if {@code name} is one of Faultline's. */
    public static Optional<String> runOf(String name) {
        Matcher m = OBJECT.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The namespace holding the bridge. */
    public String switchNamespace() {
        return PREFIX + run + "-sw";
    }

    /** The namespace of {@code host}, e.g. {@code fl-0a1b2c-n1}. */
    public String namespace(String host) {
        return PREFIX + run + "-" + host;
    }

    /** The root namespace's end of the control veth; the harness's address is on it. */
    public String controlLink() {
        return PREFIX + run;
    }

    /** The switch namespace's end of the control veth. */
    public String controlPeer() {
        return link(PREFIX + run + "-c");
    }

    /** The bridge side of {@code host}'s veth (in the switch namespace; created in the root one). */
    public String hostLink(String host) {
        return link(PREFIX + run + "-" + host);
    }

    /** The host side of {@code host}'s veth before it moves into its namespace and becomes {@link #HOST_INTERFACE}. */
    public String hostPeer(String host) {
        return link(PREFIX + run + "-" + host + "p");
    }

    private static String link(String name) {
        if (name.length() > MAX_LINK) {
            throw new IllegalArgumentException("link name '" + name + "' is longer than " + MAX_LINK
                    + " characters: use shorter host names");
        }
        return name;
    }
}
