package io.faultline.nemesis.proxy;

/** A failed API request: the HTTP status and the message, sent as {@code {"error": ..., "status": ...}}. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }
}
