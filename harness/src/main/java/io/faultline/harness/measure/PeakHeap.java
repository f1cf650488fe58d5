package io.faultline.harness.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak heap in use: the sum of the heap pools' peak usage since the last {@link #reset()} (live and
 * not yet collected objects alike, as the JVM reports it). Stateless; the peaks are the JVM's.
 */
public final class PeakHeap {

    private PeakHeap() {
    }

    /** Starts a new measurement: every heap pool's peak becomes its current usage. */
    public static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** The peak since the last reset, in MB. */
    public static long megabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }
}
