package io.faultline.harness.control;

/**
 * The control of a running cluster refused a request the user can fix: no cluster is running, a
 * node or link is unknown, a grudge spec is malformed, a node is in the wrong state. The message is
 * one line that names the value and says what to do; the command line exits 254 with it.
 */
public final class ControlRefusal extends RuntimeException {

    public ControlRefusal(String message) {
        super(message);
    }

    public ControlRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
