package io.faultline.core.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * An immutable set of worker threads: the client threads {@code 0..concurrency-1} and the nemesis
 * thread {@link Context#NEMESIS_THREAD} ({@code -1}). Iteration order is ascending, so the nemesis
 * thread comes first. Every operation returns a new set; instances are safe to share between
 * threads.
 */
public final class Threads {

    private static final Threads EMPTY = new Threads(new long[0]);

    /** Bit {@code t + 1} stands for thread {@code t}, so that the nemesis thread {@code -1} is bit 0. */
    private final long[] words;

    private Threads(long[] words) {
        this.words = words;
    }

    /** The empty set. */
    public static Threads none() {
        return EMPTY;
    }

    /** The given threads. */
    public static Threads of(int... threads) {
        Threads s = EMPTY;
        for (int t : threads) {
            s = s.with(t);
        }
        return s;
    }

    /** The client threads {@code 0..concurrency-1}. */
    public static Threads clients(int concurrency) {
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 0, was " + concurrency);
        }
        long[] w = new long[(concurrency + 1 + 63) / 64];
        for (int t = 0; t < concurrency; t++) {
            w[(t + 1) >>> 6] |= 1L << ((t + 1) & 63);
        }
        return new Threads(w);
    }

    /** The client threads {@code 0..concurrency-1} and the nemesis thread. */
    public static Threads all(int concurrency) {
        return clients(concurrency).with(Context.NEMESIS_THREAD);
    }

    private static int bit(int thread) {
        if (thread < Context.NEMESIS_THREAD) {
            throw new IllegalArgumentException("thread must be >= 0 or NEMESIS_THREAD (-1), was " + thread);
        }
        return thread + 1;
    }

    public boolean contains(int thread) {
        int b = bit(thread);
        int i = b >>> 6;
        return i < words.length && (words[i] & (1L << (b & 63))) != 0;
    }

    /** This set plus {@code thread}. */
    public Threads with(int thread) {
        if (contains(thread)) {
            return this;
        }
        int b = bit(thread);
        long[] w = Arrays.copyOf(words, Math.max(words.length, (b >>> 6) + 1));
        w[b >>> 6] |= 1L << (b & 63);
        return new Threads(w);
    }

    /** This set without {@code thread}. */
    public Threads without(int thread) {
        if (!contains(thread)) {
            return this;
        }
        int b = bit(thread);
        long[] w = words.clone();
        w[b >>> 6] &= ~(1L << (b & 63));
        return new Threads(w);
    }

    /** The threads in both sets. */
    public Threads and(Threads other) {
        long[] w = new long[Math.min(words.length, other.words.length)];
        for (int i = 0; i < w.length; i++) {
            w[i] = words[i] & other.words[i];
        }
        return new Threads(w);
    }

    /** The threads of this set that are not in {@code other}. */
    public Threads andNot(Threads other) {
        long[] w = words.clone();
        for (int i = 0; i < Math.min(w.length, other.words.length); i++) {
            w[i] &= ~other.words[i];
        }
        return new Threads(w);
    }

    /** True when every thread of {@code other} is in this set. */
    public boolean containsAll(Threads other) {
        return other.andNot(this).isEmpty();
    }

    public int size() {
        int n = 0;
        for (long x : words) {
            n += Long.bitCount(x);
        }
        return n;
    }

    public boolean isEmpty() {
        for (long x : words) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The client threads of this set (all but the nemesis thread). */
    public Threads clientsOnly() {
        return without(Context.NEMESIS_THREAD);
    }

    /**
     * The {@code n}-th thread in ascending order.
     *
     * @throws IndexOutOfBoundsException when {@code n} is not in {@code 0..size()-1}
     */
    public int nth(int n) {
        int seen = 0;
        for (int i = 0; i < words.length; i++) {
            long x = words[i];
            int c = Long.bitCount(x);
            if (n >= seen && n < seen + c) {
                for (int k = n - seen; k > 0; k--) {
                    x &= x - 1;
                }
                return i * 64 + Long.numberOfTrailingZeros(x) - 1;
            }
            seen += c;
        }
        throw new IndexOutOfBoundsException("thread index must be in 0.." + (size() - 1) + ", was " + n);
    }

    /** The threads in ascending order. */
    public List<Integer> toList() {
        List<Integer> out = new ArrayList<>(size());
        for (int i = 0; i < words.length; i++) {
            long x = words[i];
            while (x != 0) {
                out.add(i * 64 + Long.numberOfTrailingZeros(x) - 1);
                x &= x - 1;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Threads other)) {
            return false;
        }
        int n = Math.max(words.length, other.words.length);
        for (int i = 0; i < n; i++) {
            long a = i < words.length ? words[i] : 0;
            long b = i < other.words.length ? other.words[i] : 0;
            if (a != b) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int n = words.length;
        while (n > 0 && words[n - 1] == 0) {
            n--;
        }
        return Arrays.hashCode(Arrays.copyOf(words, n));
    }

    /** E.g. {@code [nemesis 0 1 3]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        for (int t : toList()) {
            j.add(t == Context.NEMESIS_THREAD ? "nemesis" : Integer.toString(t));
        }
        return j.toString();
    }
}
