package io.faultline.nemesis.cluster;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test opened, closed in reverse order: every close is tried, the first failure is thrown
 * with the others suppressed.
 */
final class Resources implements AutoCloseable {

    private record Named(String name, AutoCloseable resource) {
    }

    private final Deque<Named> opened = new ArrayDeque<>();

    /** Remembers a resource and returns it. */
    <T extends AutoCloseable> T add(String name, T resource) {
        opened.push(new Named(name, resource));
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            Named next = opened.pop();
            try {
                next.resource().close();
            } catch (Exception e) {
                Exception named = new IllegalStateException("closing " + next.name() + " failed: " + e, e);
                if (first == null) first = named;
                else first.addSuppressed(named);
            }
        }
        if (first != null) throw first;
    }
}
