package io.faultline.sut.redis;

/** No usable {@code redis-server} binary was found; the message says which was tried and what to do. */
public final class RedisBinaryException extends RuntimeException {
    public RedisBinaryException(String message) {
        super(message);
    }

    public RedisBinaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
