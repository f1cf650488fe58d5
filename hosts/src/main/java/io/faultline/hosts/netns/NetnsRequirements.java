package io.faultline.hosts.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the netns runtime needs from this machine: Linux, root, and the {@code ip}, {@code tc}
 * (iproute2), {@code iptables-restore} (iptables) and {@code nsenter} (util-linux) commands on {@code PATH}. {@link #missing()} names the first
 * thing missing, in words a user can act on.
 */
public final class NetnsRequirements {
    static final List<String> TOOLS = List.of("ip", "tc", "iptables-restore", "nsenter");

    private NetnsRequirements() {
    }

    /** Empty when the netns runtime can run here; else what is missing, e.g. {@code needs root (this is uid 1000)}. */
    public static Optional<String> missing() {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of("needs Linux network namespaces (this is " + os + ")");
        }
        long uid = uid();
        if (uid != 0) {
            return Optional.of("needs root (this is uid " + uid + ")");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                return Optional.of("needs '" + tool + "' (Debian: apt-get install " + debianPackage(tool) + ")");
            }
        }
        return Optional.empty();
    }

    /** The Debian package of a tool. */
    static String debianPackage(String tool) {
        return switch (tool) {
            case "iptables-restore" -> "iptables";
            case "nsenter" -> "util-linux";
            default -> "iproute2";
        };
    }

    /** The real uid of this process, from {@code /proc/self/status}; -1 if unreadable. */
    static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux-like: unknown
        }
        return -1;
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
