package io.faultline.checkers.model;

import io.faultline.core.op.Op;

/**
 * A lock without owners, as Knossos' mutex: {@code :acquire} succeeds only when free, {@code :release}
 * only when held.
 *
 * @param initiallyHeld whether the lock is held before any op
 */
public record Mutex(boolean initiallyHeld) implements Model<Mutex.State> {

    /** Whether the lock is held. */
    public record State(boolean held) {
        @Override
        public String toString() {
            return held ? "held" : "free";
        }
    }

    @Override
    public String name() {
        return "mutex";
    }

    @Override
    public State init() {
        return new State(initiallyHeld);
    }

    @Override
    public State step(State state, Op invocation, Op completion) {
        return switch (invocation.f()) {
            case "acquire" -> state.held() ? null : new State(true);
            case "release" -> state.held() ? new State(false) : null;
            default -> throw Values.unknownF(name(), invocation, ":acquire and :release");
        };
    }
}
