package io.faultline.hosts.process;

/** The POSIX signals node control sends, delivered with {@code /bin/kill} (Java has no API for STOP/CONT). */
public enum Signal {
    TERM, KILL, STOP, CONT;

    /** Sends this signal to {@code pid}; returns false if the process no longer exists. */
    boolean sendTo(long pid) {
        try {
            Process p = new ProcessBuilder("kill", "-" + name(), Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not run kill -" + name() + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name() + " to " + pid, e);
        }
    }
}
