package io.faultline.sut.cluster;

/**
 * A cluster could not start. The message names the cause and what to do about it; by the time
 * this is thrown, everything the failed start had launched is stopped.
 */
public final class ClusterStartException extends RuntimeException {
    public ClusterStartException(String message) {
        super(message);
    }

    public ClusterStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
