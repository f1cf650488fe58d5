package io.faultline.hosts.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A long-lived {@code sh} inside one network namespace ({@code nsenter --net}), so that a fault costs
 * one process (the command itself) instead of three (Java's spawn helper, {@code nsenter}, the
 * command): each {@link #run} writes the command, with its input as a here-document, and an
 * {@code echo} of its exit code, and reads up to that acknowledgement. The shell exits when its stdin
 * closes: on {@link #close()}, or when the harness dies. Thread-safe (one command at a time).
 */
final class NamespaceShell implements AutoCloseable {
    private static final String ACK = "__faultline_ack ";
    private static final String EOF = "FAULTLINE_INPUT_END";

    private final String namespace;
    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private NamespaceShell(String namespace, Process process) {
        this.namespace = namespace;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code sh} in {@code host}'s network namespace ({@link IpCommands#inNetwork}).
     *
     * @throws NetnsException if it cannot start
     */
    static NamespaceShell open(IpCommands ip, String host) {
        String namespace = ip.namespaceOf(host);
        try {
            return new NamespaceShell(namespace, new ProcessBuilder(ip.inNetwork(host, List.of("sh")))
                    .redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new NetnsException("cannot start a shell in namespace " + namespace + ": " + e.getMessage(), e);
        }
    }

    /** The shell's input for one command: each word single-quoted, {@code input} as a here-document, then the acknowledgement. */
    static String script(List<String> command, String input) {
        StringBuilder sb = new StringBuilder();
        for (String word : command) {
            sb.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        if (input != null) {
            if (input.contains(EOF)) throw new IllegalArgumentException("input contains the here-document's end marker");
            sb.append("<<'").append(EOF).append("'\n").append(input).append(input.endsWith("\n") ? "" : "\n").append(EOF).append('\n');
        } else {
            sb.append("</dev/null\n");
        }
        return sb.append("echo \"").append(ACK).append("$?\"\n").toString();
    }

    /**
     * Runs {@code command} with {@code input} (may be null) and waits for it.
     *
     * @return its output
     * @throws NetnsException naming the command, its exit code and output, or the shell's death
     */
    synchronized String run(List<String> command, String input) {
        try {
            in.write(script(command, input));
            in.flush();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ACK)) {
                    int exit = Integer.parseInt(line.substring(ACK.length()).trim());
                    String output = String.join(" ", lines).trim();
                    if (exit != 0) {
                        throw new NetnsException("'" + String.join(" ", command) + "' in " + namespace + " failed (exit " + exit + "): " + output);
                    }
                    return output;
                }
                lines.add(line);
            }
            throw new NetnsException("the shell in namespace " + namespace + " ended: " + String.join(" ", lines));
        } catch (IOException e) {
            throw new NetnsException("the shell in namespace " + namespace + " is gone: " + e.getMessage(), e);
        }
    }

    /** True while the shell runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its stdin (it exits) and waits a moment, then kills it. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
