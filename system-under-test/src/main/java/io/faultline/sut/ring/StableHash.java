package io.faultline.sut.ring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A hash that is the same on every JVM and every run: the first 8 bytes (big-endian) of the MD5
 * of the UTF-8 bytes. Thread-safe.
 */
public final class StableHash {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    });

    private StableHash() {
    }

    /** The 64-bit hash of {@code text} (not null). */
    public static long of(String text) {
        byte[] digest = MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xffL);
        }
        return h;
    }

    /** A well-mixed 64-bit value derived from {@code h} and {@code i} (splitmix64 finaliser). */
    static long derive(long h, int i) {
        long z = h + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
