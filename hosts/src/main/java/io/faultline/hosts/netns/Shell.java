package io.faultline.hosts.netns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one short command (ip, iptables-restore, tc) and returns its output, or says in one line why it failed. */
final class Shell {
    private static final long TIMEOUT_S = 30;

    private Shell() {
    }

    /** The outcome of one command. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    /**
     * Runs {@code command} with {@code stdin} (may be null), stdout and stderr together.
     *
     * @throws NetnsException if it cannot start or does not end within 30 s
     */
    static Result run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream o = p.getInputStream()) {
                o.transferTo(out);
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new NetnsException("'" + String.join(" ", command) + "' did not end within " + TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new NetnsException("cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }

    /**
     * Runs {@code command} and requires exit 0.
     *
     * @return its output
     * @throws NetnsException naming the command, its exit code and its output
     */
    static String check(List<String> command, String stdin) {
        Result r = run(command, stdin);
        if (!r.ok()) {
            throw new NetnsException("'" + String.join(" ", command) + "' failed (exit " + r.exit() + "): "
                    + r.output().replace('\n', ' '));
        }
        return r.output();
    }
}
