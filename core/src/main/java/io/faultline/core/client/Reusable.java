package io.faultline.core.client;

/**
 * A {@link Client} that may go on after an {@code info}. By default the runner does as Jepsen's
 * interpreter does: when an op ends {@code info}, its process is over (the op may still take effect
 * later), and the thread continues as a new process with a new client, opened from the prototype,
 * the old one closed. A client whose connection cannot be left in a bad state by an indeterminate
 * op (e.g. it borrows pooled connections per op) implements this to keep one client per thread.
 */
public interface Reusable {
}
