package io.faultline.core.history;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An unmodifiable two-element list {@code [key value]}, either may be nil: the value of an op of an
 * independent (multi-key) history, rebuilt from its columns. Equal to any list with the same two
 * elements.
 */
final class KeyValue extends AbstractList<Object> implements RandomAccess {

    private final Object key;
    private final Object value;

    KeyValue(Object key, Object value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public Object get(int i) {
        return switch (i) {
            case 0 -> key;
            case 1 -> value;
            default -> throw new IndexOutOfBoundsException("index " + i + " of a [key value] pair");
        };
    }

    @Override
    public int size() {
        return 2;
    }
}
