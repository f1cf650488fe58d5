package io.faultline.hosts.ssh;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the ssh runtime needs on this machine (the control node): the OpenSSH client. */
public final class SshRequirements {
    private SshRequirements() {
    }

    /** Empty if {@code ssh} is on the PATH, else e.g. {@code needs the OpenSSH client (ssh) on the PATH}. */
    public static Optional<String> missing() {
        return onPath("ssh") ? Optional.empty()
                : Optional.of("needs the OpenSSH client (ssh) on the PATH (Debian: apt-get install openssh-client)");
    }

    static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) return true;
        }
        return false;
    }
}
