package io.faultline.harness.schedule;

/** A fault schedule that cannot be read or used; the message is one line naming the input and the fix. */
public final class ScheduleFormatException extends IllegalArgumentException {

    public ScheduleFormatException(String message) {
        super(message);
    }

    public ScheduleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
