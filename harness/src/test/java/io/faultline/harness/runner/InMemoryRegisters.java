package io.faultline.harness.runner;

import io.faultline.core.client.Client;
import io.faultline.core.db.Db;
import io.faultline.core.op.Op;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory system under test for fast tests of the harness itself: independent registers
 * ({@code [k v]} values) that are linearizable, or, with {@code staleReads}, answer reads from a
 * replica that misses every other write (a known bug the checker must find).
 */
final class InMemoryRegisters implements Db, Client {

    private final Map<Object, Long> primary = new ConcurrentHashMap<>();
    private final Map<Object, Long> replica = new ConcurrentHashMap<>();
    private final boolean staleReads;
    private long writes;

    InMemoryRegisters(boolean staleReads) {
        this.staleReads = staleReads;
    }

    @Override
    public List<String> nodes() {
        return List.of("n1", "n2", "n3");
    }

    @Override
    public void setup() {
    }

    @Override
    public Client open(String node) {
        return this;
    }

    @Override
    public synchronized Op invoke(Op op) {
        List<?> tuple = (List<?>) op.value();
        Object k = tuple.get(0);
        switch (op.f()) {
            case "read" -> {
                Long v = staleReads ? replica.get(k) : primary.get(k);
                return op.ok(Arrays.asList(k, v));
            }
            case "write" -> {
                put(k, (Long) tuple.get(1));
                return op.ok(tuple);
            }
            case "cas" -> {
                List<?> cas = (List<?>) tuple.get(1);
                if (!cas.get(0).equals(primary.get(k))) return op.fail(null);
                put(k, (Long) cas.get(1));
                return op.ok(tuple);
            }
            default -> throw new IllegalArgumentException(op.f());
        }
    }

    private void put(Object k, Long v) {
        primary.put(k, v);
        if (writes++ % 2 == 0) replica.put(k, v);
    }

    @Override
    public void close() {
    }
}
