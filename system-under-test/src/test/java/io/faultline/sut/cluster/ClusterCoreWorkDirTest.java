package io.faultline.sut.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.sut.link.LinkRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ClusterCoreWorkDirTest {
    private static ClusterCore<ClusterNode> core() {
        return new ClusterCore<>("test cluster", ClusterSpec.builder().nodes(3).build(), LinkRouter.direct(),
                LoggerFactory.getLogger(ClusterCoreWorkDirTest.class), () -> { });
    }

    @Test
    void aTemporaryWorkDirectoryItMadeIsDeletedAtClose() throws Exception {
        ClusterCore<ClusterNode> core = core();
        Path dir = core.workDir(null, "faultline-test-");
        Files.writeString(Files.createDirectories(dir.resolve("n1")).resolve("redis.log"), "a log");

        core.close(node -> { }, "kill");

        assertThat(dir).doesNotExist();
    }

    @Test
    void aGivenWorkDirectoryIsKept(@TempDir Path tmp) throws Exception {
        ClusterCore<ClusterNode> core = core();
        Path dir = core.workDir(tmp.resolve("work"), "faultline-test-");
        Files.writeString(dir.resolve("kept.log"), "a log");

        core.close(node -> { }, "kill");

        assertThat(dir.resolve("kept.log")).exists();
    }
}
