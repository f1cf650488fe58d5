package io.faultline.sut.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for conditions that have no event to wait on. */
final class Await {
    private Await() {
    }

    /**
     * Polls {@code condition} every {@code poll} until it holds or {@code timeout} passes; a
     * condition that throws counts as false. Returns whether it held.
     */
    static boolean until(BooleanSupplier condition, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException ignored) {
                // not yet
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
