package io.faultline.sut.lease;

/**
 * The ZooKeeper layout: {@code /faultline/groups/<group>} (persistent, data = comma-separated
 * member node ids, written by the cluster) and {@code /faultline/groups/<group>/leader}
 * (ephemeral, data = "node host:port" of the lease holder).
 */
public final class LeasePaths {
    public static final String ROOT = "/faultline/groups";

    private LeasePaths() {
    }

    public static String group(String group) {
        return ROOT + "/" + group;
    }

    public static String leader(String group) {
        return group(group) + "/leader";
    }
}
