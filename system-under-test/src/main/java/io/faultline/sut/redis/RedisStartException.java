package io.faultline.sut.redis;

/** A redis-server process could not be started or did not become ready; the message names the node, port and log. */
public final class RedisStartException extends RuntimeException {
    public RedisStartException(String message) {
        super(message);
    }

    public RedisStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
