package io.faultline.hosts.packet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One change of the packet filters made on every host at once, as both kinds of hosts (namespaces, ssh) do it. */
public final class OnEachHost {
    private OnEachHost() {
    }

    /**
     * Runs {@code action} for each host at once, a thread each (named {@code threadPrefix + host}), started in
     * order; returns when all are done, rethrowing the first failure.
     *
     * @param interrupted the exception to throw when this thread is interrupted while it waits
     * @return how many hosts, after how many ms the first was done, after how many all were
     */
    public static PacketFaults.Applied run(Collection<String> hosts, String threadPrefix, Consumer<String> action,
                                           Supplier<RuntimeException> interrupted) {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (String host : hosts) {
            Thread t = new Thread(() -> {
                try {
                    action.accept(host);
                    first.compareAndSet(0, System.nanoTime());
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, threadPrefix + host);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted.get();
            }
        }
        if (failure.get() != null) throw failure.get();
        long end = System.nanoTime();
        return new PacketFaults.Applied(hosts.size(), ((first.get() == 0 ? end : first.get()) - start) / 1_000_000,
                (end - start) / 1_000_000);
    }
}
