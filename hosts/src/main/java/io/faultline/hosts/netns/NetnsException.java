package io.faultline.hosts.netns;

/** A namespace, link or firewall command of the netns runtime failed; the message is one line naming it. */
public final class NetnsException extends RuntimeException {
    public NetnsException(String message) {
        super(message);
    }

    public NetnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
