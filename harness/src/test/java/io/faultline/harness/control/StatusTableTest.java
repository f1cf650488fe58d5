package io.faultline.harness.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    private final ClusterStatus splitBrain = new ClusterStatus(42, "redis-zk", "async replication, keep on lease loss",
            List.of(new ClusterStatus.Node("n1", "running"), new ClusterStatus.Node("n2", "running"),
                    new ClusterStatus.Node("n3", "running"), new ClusterStatus.Node("n4", "paused"),
                    new ClusterStatus.Node("n5", "dead")),
            List.of("node  group  state    role", "lease g1: n2 (epoch 4294967367)"),
            "isolate n1", List.of("n1-n2", "n1-n3", "n1-zk1"), "200ms on n1-n2 (2 links)");

    @Test
    void theSummaryAndTheSystemsOwnLinesComeFirst() {
        List<String> lines = StatusTable.render(splitBrain);
        assertThat(lines.get(0)).isEqualTo("cluster: daemon pid 42, 5 nodes, async replication, keep on lease loss");
        assertThat(lines.subList(1, 3)).containsExactly("node  group  state    role", "lease g1: n2 (epoch 4294967367)");
    }

    @Test
    void thePartitionCutLinksLatencyPausedAndDeadNodesFollow() {
        assertThat(StatusTable.render(splitBrain)).endsWith(
                "lease g1: n2 (epoch 4294967367)",
                "partition: isolate n1",
                "cut links: n1-n2 n1-n3 n1-zk1",
                "latency: 200ms on n1-n2 (2 links)",
                "paused: n4",
                "dead: n5");
    }

    @Test
    void aSystemWithoutAStatusOfItsOwnGetsEachNodesState() {
        ClusterStatus calm = new ClusterStatus(7, "kv", "", List.of(new ClusterStatus.Node("n1", "running")), List.of(), null,
                List.of(), null);
        assertThat(StatusTable.render(calm)).startsWith("cluster: daemon pid 7, 1 nodes, system kv")
                .contains("n1    running", "partition: none", "cut links: none", "latency: none", "paused: none", "dead: none");
    }
}
