package io.faultline.hosts.ssh;

import io.faultline.hosts.process.ShellSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One host reached over SSH ({@link SshConfig}): short remote commands, uploads, and a way to start
 * daemons on it ({@link RemoteProcess#start}). {@link #run}, {@link #check}, {@link #upload} are one
 * {@code ssh} session each over the shared connection; {@link #exec} goes through one long-lived remote
 * {@code sh} ({@link ShellSession}), because a new session also runs the remote user's shell start-up
 * files (a {@code .bashrc} can take a second or more): faults and signals go that way. Thread-safe.
 */
public final class SshHost implements AutoCloseable {
    private static final long TIMEOUT_S = 120;

    /** The outcome of one remote command: its exit code and its output (stdout and stderr together). */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private final String name;
    private final String address;
    private final SshConfig config;
    private ShellSession shell;

    /**
     * @param name    what the run calls the host ({@code n1}, {@code zk1}), for messages
     * @param address where sshd listens (an IP address or a DNS name)
     */
    public SshHost(String name, String address, SshConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.address = Objects.requireNonNull(address, "address");
        this.config = Objects.requireNonNull(config, "config");
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public SshConfig config() {
        return config;
    }

    /**
     * Runs {@code script} in the remote user's shell, its stdin {@code input} (may be null: empty).
     *
     * @throws SshException if ssh cannot start or the command does not end within 120 s
     */
    public Result run(String script, String input) {
        return run(script, input == null ? null : input.getBytes(StandardCharsets.UTF_8), null);
    }

    /** As {@link #run(String, String)}, its stdin the file {@code input}. */
    public Result run(String script, Path input) {
        return run(script, null, input);
    }

    private Result run(String script, byte[] bytes, Path file) {
        List<String> cmd = config.exec(address, script);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (file != null) pb.redirectInput(file.toFile());
            Process p = pb.start();
            if (file == null) {
                try (OutputStream in = p.getOutputStream()) {
                    if (bytes != null) in.write(bytes);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream o = p.getInputStream()) {
                o.transferTo(out);
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SshException(describe(script) + " did not end within " + TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new SshException("cannot run ssh for " + describe(script) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException("interrupted while running " + describe(script), e);
        }
    }

    /**
     * Runs {@code script} and requires exit 0.
     *
     * @return its output
     * @throws SshException naming the host, the command, its exit code and output (255: ssh itself failed)
     */
    public String check(String script, String input) {
        return require(script, run(script, input));
    }

    /** As {@link #check(String, String)}, stdin the file {@code input}. */
    public String check(String script, Path input) {
        return require(script, run(script, input));
    }

    private String require(String script, Result r) {
        if (!r.ok()) {
            throw new SshException(describe(script) + " failed (exit " + r.exit() + (r.exit() == 255 ? ": ssh could not connect or log in" : "")
                    + "): " + r.output().replace('\n', ' '));
        }
        return r.output();
    }

    /**
     * Runs {@code script} ({@code sh -c}) in the host's long-lived shell, opened at the first call (and
     * again if it died), with {@code input} (may be null) as its stdin, and requires exit 0.
     *
     * @return its output
     * @throws SshException naming the host, the command, its exit code and output
     */
    public String exec(String script, String input) {
        ShellSession s;
        synchronized (this) {
            if (shell == null || !shell.isAlive()) {
                if (shell != null) shell.close();
                try {
                    shell = ShellSession.open(config.exec(address, "exec sh"), "ssh host " + this);
                } catch (ShellSession.Failure e) {
                    throw new SshException(e.getMessage(), e);
                }
            }
            s = shell;
        }
        try {
            return s.run(List.of("sh", "-c", script), input);
        } catch (ShellSession.Failure e) {
            throw new SshException(e.getMessage(), e);
        }
    }

    /** Copies the local {@code file} to {@code remotePath} (directories made), executable. */
    public void upload(Path file, String remotePath) {
        String dir = remotePath.substring(0, Math.max(1, remotePath.lastIndexOf('/')));
        check("mkdir -p " + SshConfig.quote(dir) + " && cat > " + SshConfig.quote(remotePath) + " && chmod 755 "
                + SshConfig.quote(remotePath), file);
    }

    /** Unpacks the local tar file {@code tar} into {@code remoteDir} (made if missing). */
    public void untar(Path tar, String remoteDir) {
        check("mkdir -p " + SshConfig.quote(remoteDir) + " && tar -C " + SshConfig.quote(remoteDir) + " -xf -", tar);
    }

    /** Closes the long-lived shell and ends the shared connection (later commands would open new ones). Never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (shell != null) shell.close();
            shell = null;
        }
        try {
            Process p = new ProcessBuilder(config.exitMaster(address)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (IOException e) {
            // no master to end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String describe(String script) {
        String s = script.length() > 160 ? script.substring(0, 160) + "..." : script;
        return "'" + s.replace('\n', ' ') + "' on " + name + " (" + address + ")";
    }

    @Override
    public String toString() {
        return name + "(" + address + ")";
    }
}
