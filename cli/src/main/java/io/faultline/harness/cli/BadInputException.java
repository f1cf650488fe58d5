package io.faultline.harness.cli;

/**
 * A user's input is wrong (an option value, a file, a node name): printed as one line, exit 254.
 * The message names the input and says what to do.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
