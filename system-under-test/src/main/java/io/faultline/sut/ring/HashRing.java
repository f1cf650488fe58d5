package io.faultline.sut.ring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A consistent-hash ring that maps keys to groups. Immutable and thread-safe.
 *
 * <p>Each group owns {@code virtualNodes} points on a 64-bit ring, at {@link StableHash#of}
 * {@code (group + "#" + i)}. A key is hashed {@code probes} times (multi-probe consistent
 * hashing): each probe finds the next point clockwise, and the key belongs to the group of the
 * point nearest to its probe (ties: the lower probe index). With one probe this is the classic
 * ring; more probes even out the load (with 128 virtual nodes a single probe leaves each group's
 * share with a standard deviation of about 9%), while keeping the consistent-hashing
 * properties: adding a group moves keys only to that group, and removing one moves only its keys,
 * because points never move and distances to a key's nearest point only shrink when points are
 * added.
 */
public final class HashRing {
    /** Default number of points per group. */
    public static final int DEFAULT_VIRTUAL_NODES = 128;
    /** Default number of probes per key. */
    public static final int DEFAULT_PROBES = 8;

    private final List<String> groups;
    private final int virtualNodes;
    private final int probes;
    private final long[] points;
    private final String[] owners;

    private HashRing(Collection<String> groups, int virtualNodes, int probes) {
        if (virtualNodes < 1) {
            throw new IllegalArgumentException("virtualNodes must be >= 1, was " + virtualNodes);
        }
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be >= 1, was " + probes);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String g : groups) {
            if (g == null || g.isBlank()) {
                throw new IllegalArgumentException("group ids must be non-blank, got " + groups);
            }
            if (!unique.add(g)) {
                throw new IllegalArgumentException("duplicate group id '" + g + "' in " + groups);
            }
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one group");
        }
        this.groups = List.copyOf(unique);
        this.virtualNodes = virtualNodes;
        this.probes = probes;
        NavigableMap<Long, String> ring = new TreeMap<>();
        for (String g : this.groups) {
            for (int i = 0; i < virtualNodes; i++) {
                long point = StableHash.of(g + "#" + i);
                // On a (astronomically unlikely) collision the smaller group id wins, independent of order.
                ring.merge(point, g, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        this.points = new long[ring.size()];
        this.owners = new String[ring.size()];
        int i = 0;
        for (Map.Entry<Long, String> e : ring.entrySet()) {
            points[i] = e.getKey();
            owners[i] = e.getValue();
            i++;
        }
    }

    /** A ring over {@code groups} with default virtual nodes and probes. */
    public static HashRing of(Collection<String> groups) {
        return new HashRing(groups, DEFAULT_VIRTUAL_NODES, DEFAULT_PROBES);
    }

    /** A ring over {@code groups} with {@code virtualNodes} points per group and default probes. */
    public static HashRing of(Collection<String> groups, int virtualNodes) {
        return new HashRing(groups, virtualNodes, DEFAULT_PROBES);
    }

    /** A ring over {@code groups}; both counts must be at least 1. */
    public static HashRing of(Collection<String> groups, int virtualNodes, int probes) {
        return new HashRing(groups, virtualNodes, probes);
    }

    /** This ring plus {@code group}. */
    public HashRing withGroup(String group) {
        List<String> more = new ArrayList<>(groups);
        more.add(group);
        return new HashRing(more, virtualNodes, probes);
    }

    /** This ring without {@code group}, which must be one of its groups (and not the last). */
    public HashRing withoutGroup(String group) {
        if (!groups.contains(group)) {
            throw new IllegalArgumentException("group '" + group + "' is not in the ring " + groups);
        }
        List<String> fewer = new ArrayList<>(groups);
        fewer.remove(group);
        return new HashRing(fewer, virtualNodes, probes);
    }

    /** The group that owns {@code key} (not null). */
    public String groupFor(String key) {
        long h = StableHash.of(key);
        long bestDistance = -1;
        String best = null;
        for (int p = 0; p < probes; p++) {
            long probe = p == 0 ? h : StableHash.derive(h, p);
            int idx = successor(probe);
            long distance = points[idx] - probe; // unsigned distance clockwise, wrapping
            if (best == null || Long.compareUnsigned(distance, bestDistance) < 0) {
                bestDistance = distance;
                best = owners[idx];
            }
        }
        return best;
    }

    /** The groups, in the order given. */
    public List<String> groups() {
        return groups;
    }

    public int virtualNodes() {
        return virtualNodes;
    }

    public int probes() {
        return probes;
    }

    /**
     * Index of the first point at or after {@code probe} clockwise. Points are sorted as signed
     * longs, which is one rotation of the ring (2^64 wraps to 0), so wrapping to index 0 is right.
     */
    private int successor(long probe) {
        int lo = 0;
        int hi = points.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points[mid] < probe) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == points.length ? 0 : lo;
    }

    @Override
    public String toString() {
        return "HashRing" + groups + "(virtualNodes=" + virtualNodes + ", probes=" + probes + ")";
    }
}
