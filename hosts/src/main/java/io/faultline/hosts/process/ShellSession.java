package io.faultline.hosts.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived {@code sh} (started by any launcher: {@code nsenter --net=... sh}, {@code ssh host sh}),
 * so that a command costs one process where it runs instead of a new launcher each time: each
 * {@link #run} writes the command, with its input as a here-document, and an {@code echo} of its exit
 * code, and reads up to that acknowledgement. The shell exits when its stdin closes: on {@link #close()},
 * or when this JVM dies. Thread-safe (one command at a time).
 */
public final class ShellSession implements AutoCloseable {
    /** A command that failed, or a shell that is gone; the message is one line. */
    public static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String ACK = "__faultline_ack ";
    private static final String EOF = "FAULTLINE_INPUT_END";

    private final String where;
    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private ShellSession(String where, Process process) {
        this.where = where;
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code launch} (a command line ending in a shell reading stdin).
     *
     * @param where names the place in messages, e.g. {@code namespace fl-0a1b2c-n1}
     * @throws Failure if it cannot start
     */
    public static ShellSession open(List<String> launch, String where) {
        try {
            return new ShellSession(where, new ProcessBuilder(launch).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new Failure("cannot start a shell in " + where + ": " + e.getMessage(), e);
        }
    }

    /** The shell's input for one command: each word single-quoted, {@code input} as a here-document, then the acknowledgement. */
    public static String script(List<String> command, String input) {
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
     * @return its output, lines joined by newlines
     * @throws Failure (one line) naming the command, its exit code and output, or the shell's death
     */
    public synchronized String run(List<String> command, String input) {
        try {
            in.write(script(command, input));
            in.flush();
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ACK)) {
                    int exit = Integer.parseInt(line.substring(ACK.length()).trim());
                    if (exit != 0) {
                        throw new Failure("'" + String.join(" ", command) + "' in " + where + " failed (exit " + exit + "): "
                                + String.join(" ", lines).trim(), null);
                    }
                    return String.join("\n", lines).trim();
                }
                lines.add(line);
            }
            throw new Failure("the shell in " + where + " ended: " + String.join(" ", lines), null);
        } catch (IOException e) {
            throw new Failure("the shell in " + where + " is gone: " + e.getMessage(), e);
        }
    }

    /** True while the shell runs. */
    public boolean isAlive() {
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
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
