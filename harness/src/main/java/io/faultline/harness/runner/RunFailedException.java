package io.faultline.harness.runner;

import java.nio.file.Path;

/**
 * A test run that could not be carried out: the system under test did not start, or the harness
 * failed. Names the run directory, which keeps whatever was recorded.
 */
public final class RunFailedException extends RuntimeException {

    private final transient Path runDirectory;

    public RunFailedException(String message, Path runDirectory, Throwable cause) {
        super(message, cause);
        this.runDirectory = runDirectory;
    }

    /** The run's directory in the store; may be null. */
    public Path runDirectory() {
        return runDirectory;
    }
}
