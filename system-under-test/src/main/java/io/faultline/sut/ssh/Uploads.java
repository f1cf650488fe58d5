package io.faultline.sut.ssh;

import io.faultline.hosts.ssh.SshHost;
import io.faultline.hosts.ssh.SshHosts;
import io.faultline.sut.lease.AgentLauncher;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What an ssh run puts on its hosts, in each host's remote directory: {@code lib/} (this JVM's class
 * path, every entry under its own absolute path, for the lease agents and ZooKeeper servers, run by the
 * host's own {@code java}), and on the nodes' hosts {@code bin/redis-server} (the local binary, so it
 * must suit the hosts) and the empty {@code redis/} data directory. One tar of the class path is made
 * locally in a temporary file and unpacked on every host. Stateless but for that file.
 */
final class Uploads {
    private final List<String> classpath;
    private final Path tar;

    private Uploads(List<String> classpath, Path tar) {
        this.classpath = classpath;
        this.tar = tar;
    }

    /** Tars this JVM's class path ({@link AgentLauncher#classpath()}) into a temporary file, deleted by {@link #put}. */
    static Uploads prepare() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : AgentLauncher.classpath().split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (Files.exists(p)) entries.add(p.toString());
        }
        Path tar = Files.createTempFile("faultline-lib-", ".tar");
        List<String> cmd = new ArrayList<>(List.of("tar", "-cf", tar.toString(), "-C", "/"));
        entries.forEach(e -> cmd.add(e.substring(1)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("cannot tar the class path for the hosts: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + tar);
        }
        return new Uploads(entries, tar);
    }

    /** The class path on a host whose remote directory is {@code remoteDir}. */
    String classpath(String remoteDir) {
        return classpath.stream().map(e -> remoteDir + "/lib" + e).collect(Collectors.joining(":"));
    }

    /** Where a node's host has its redis-server. */
    static String redisBinary(String remoteDir) {
        return remoteDir + "/bin/redis-server";
    }

    /** Where a node's Redis keeps its data. */
    static String redisDir(String remoteDir) {
        return remoteDir + "/redis";
    }

    /**
     * Checks every host's {@code java}, unpacks the class path on each, and puts {@code redisBinary} on
     * the hosts in {@code nodes}; all hosts at once.
     *
     * @throws io.faultline.hosts.ssh.SshException naming the host and what failed (e.g. no java on its PATH)
     */
    void put(SshHosts hosts, List<String> nodes, Path redisBinary) throws IOException {
        try {
            putAll(hosts, nodes, redisBinary);
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private void putAll(SshHosts hosts, List<String> nodes, Path redisBinary) {
        hosts.eachHost(h -> {
            requireJava(h);
            String dir = hosts.remoteDir(h.name());
            h.untar(tar, dir + "/lib");
            if (nodes.contains(h.name())) {
                h.upload(redisBinary, redisBinary(dir));
                h.check("mkdir -p " + redisDir(dir), (String) null);
            }
        });
    }

    private static void requireJava(SshHost h) {
        SshHost.Result r = h.run("java -version 2>&1", (String) null);
        if (!r.ok()) {
            throw new io.faultline.hosts.ssh.SshException("host " + h + " has no working java on the remote user's PATH (exit "
                    + r.exit() + ": " + r.output().replace('\n', ' ') + "): the ssh runtime runs the lease agents and "
                    + "ZooKeeper servers there in a JVM (Java 17 or later)");
        }
    }
}
