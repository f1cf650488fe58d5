package io.faultline.netnsdb;

import io.faultline.hosts.netns.NetnsLeftovers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What runs in one address range left on this machine, for the systems' ITs: namespaces holding an
 * address of the range, processes whose command line names an address of the range or a work
 * directory, and the work directories themselves. Other engineers' runs use other ranges, so the
 * answers are about this test's runs alone.
 */
public final class Leftovers {
    private Leftovers() {
    }

    /** Namespaces with an address starting with {@code prefix} (e.g. {@code 10.215.0.}). */
    public static List<String> namespacesWithAddress(String prefix) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (String ns : NetnsLeftovers.namespaces()) {
            Process p = new ProcessBuilder("ip", "-n", ns, "-4", "-o", "addr").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            if (text.contains(" " + prefix)) out.add(ns);
        }
        return out;
    }

    /** Command lines of live processes that contain {@code fragment}. */
    public static List<String> processesMentioning(String fragment) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains(fragment) && !cmd.contains("surefire") && !cmd.contains("failsafe")) out.add(p.getFileName() + " " + cmd);
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return out;
    }

    /** Directories of the temp directory named {@code faultline-<system>-*}. */
    public static List<Path> workDirectories(String system) throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("faultline-" + system + "-")).toList();
        }
    }
}
