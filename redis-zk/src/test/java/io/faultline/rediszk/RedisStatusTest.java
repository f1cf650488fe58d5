package io.faultline.rediszk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisStatusTest {

    private static NodeProbe.NodeRow node(String n, String state, String role, String follows, boolean up, long offset) {
        return new NodeProbe.NodeRow(n, "g1", state, role, follows, up, offset, "127.0.0.1:70" + n.substring(1));
    }

    @Test
    void aRowPerNodeShowsItsStateRoleMasterLinkAndOffset() {
        List<String> lines = RedisStatus.table(List.of(node("n1", "running", "master", null, false, 120),
                node("n2", "running", "master", null, false, 95), node("n3", "running", "replica", "n2", true, 95),
                node("n4", "paused", "-", null, false, -1)));
        assertThat(lines.get(0)).startsWith("node  group  state    role").endsWith("offset    redis");
        assertThat(lines.get(1)).matches("n1\\s+g1\\s+running\\s+master\\s+-\\s+-\\s+120\\s+127.0.0.1:701");
        assertThat(lines.get(3)).matches("n3\\s+g1\\s+running\\s+replica\\s+n2\\s+up\\s+95\\s+127.0.0.1:703");
        assertThat(lines.get(4)).matches("n4\\s+g1\\s+paused\\s+-\\s+-\\s+-\\s+-\\s+127.0.0.1:704");
    }
}
