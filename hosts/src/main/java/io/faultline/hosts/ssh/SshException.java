package io.faultline.hosts.ssh;

/** A remote command that could not run or failed; the message is one line naming the host and the command. */
public final class SshException extends RuntimeException {
    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
