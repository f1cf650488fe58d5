package io.faultline.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    private static ClusterStatus.Node node(String n, String state, String role, String follows, boolean up, long offset) {
        return new ClusterStatus.Node(n, "g1", state, role, follows, up, offset, "127.0.0.1:70" + n.substring(1));
    }

    private final ClusterStatus splitBrain = new ClusterStatus(42, "async", "keep",
            List.of(node("n1", "running", "master", null, false, 120), node("n2", "running", "master", null, false, 95),
                    node("n3", "running", "replica", "n2", true, 95), node("n4", "paused", "-", null, false, -1),
                    node("n5", "dead", "-", null, false, -1)),
            List.of(new ClusterStatus.Group("g1", List.of("n1", "n2", "n3", "n4", "n5"), "n2", 4294967367L)),
            "isolate n1", List.of("n1-n2", "n1-n3", "n1-zk1"), "200ms on n1-n2 (2 links)");

    @Test
    void aRowPerNodeShowsItsStateRoleMasterLinkAndOffset() {
        List<String> lines = StatusTable.render(splitBrain);
        assertThat(lines.get(0)).isEqualTo("cluster: daemon pid 42, 5 nodes, async replication, keep on lease loss");
        assertThat(lines.get(1)).startsWith("node  group  state    role").endsWith("offset    redis");
        assertThat(lines.get(2)).matches("n1\\s+g1\\s+running\\s+master\\s+-\\s+-\\s+120\\s+127.0.0.1:701");
        assertThat(lines.get(4)).matches("n3\\s+g1\\s+running\\s+replica\\s+n2\\s+up\\s+95\\s+127.0.0.1:703");
        assertThat(lines.get(5)).matches("n4\\s+g1\\s+paused\\s+-\\s+-\\s+-\\s+-\\s+127.0.0.1:704");
    }

    @Test
    void theLeasePartitionCutLinksLatencyPausedAndDeadNodesFollowTheTable() {
        assertThat(StatusTable.render(splitBrain)).endsWith(
                "lease g1: n2 (epoch 4294967367)",
                "partition: isolate n1",
                "cut links: n1-n2 n1-n3 n1-zk1",
                "latency: 200ms on n1-n2 (2 links)",
                "paused: n4",
                "dead: n5");
    }

    @Test
    void aWholeNetworkWithNobodyHoldingTheLeaseSaysSo() {
        ClusterStatus calm = new ClusterStatus(7, "sync", "demote", List.of(node("n1", "running", "parked", null, false, 0)),
                List.of(new ClusterStatus.Group("g1", List.of("n1"), null, -1)), null, List.of(), null);
        assertThat(StatusTable.render(calm)).contains("lease g1: nobody holds it", "partition: none", "cut links: none",
                "latency: none", "paused: none", "dead: none");
    }

    @Test
    void theSplitBrainHasTwoMasters() {
        assertThat(splitBrain.masters()).containsExactly("n1", "n2");
    }
}
