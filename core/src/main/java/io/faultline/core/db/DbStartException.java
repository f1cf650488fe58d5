package io.faultline.core.db;

/**
 * A system under test could not start for a reason the user can fix (a missing binary, Docker not
 * running, a port in use). The message names the cause and the remedy; the CLI prints its first
 * line and exits 254.
 */
public class DbStartException extends RuntimeException {

    public DbStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
