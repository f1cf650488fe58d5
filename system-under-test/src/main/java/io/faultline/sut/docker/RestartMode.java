package io.faultline.sut.docker;

import java.util.Locale;

/** What starting a killed or stopped node of the docker runtime does. */
public enum RestartMode {
    /** {@code docker start} of the node's container: its file system (and append-only file) survives. */
    SAME_CONTAINER,
    /** Removes the old container and creates a fresh one from the image: the node comes back empty. */
    FRESH_CONTAINER;

    /** {@code same} or {@code fresh} (case-insensitive). */
    public static RestartMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "same" -> SAME_CONTAINER;
            case "fresh" -> FRESH_CONTAINER;
            default -> throw new IllegalArgumentException("restart mode must be 'same' or 'fresh', was '" + text + "'");
        };
    }
}
