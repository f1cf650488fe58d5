package io.faultline.nemesis.bench;

import java.io.File;
import java.util.Optional;

/** Finds the programs a benchmark runs: on PATH first, then in the usual places. */
final class Executables {

    private Executables() {
    }

    /** The first executable {@code name} on PATH, else in {@code /usr/bin} or {@code /usr/local/bin}. */
    static Optional<String> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
                + File.pathSeparator + "/usr/local/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) return Optional.of(candidate.getPath());
        }
        return Optional.empty();
    }
}
