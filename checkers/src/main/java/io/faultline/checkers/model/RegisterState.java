package io.faultline.checkers.model;

import io.faultline.core.history.EdnOps;

/**
 * The state of a single register: its value, where null is nil, the value of a key never written.
 *
 * @param value the current value; may be null
 */
public record RegisterState(Object value) {

    @Override
    public String toString() {
        return EdnOps.valueToEdn(value);
    }
}
