package io.faultline.sut.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisBinaryLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void withoutRedisOnPathTheEmbeddedBinaryIsExtractedOnceAndRuns() {
        RedisBinaryLocator locator = RedisBinaryLocator.with("", tmp);
        RedisBinary first = locator.locate(null);
        RedisBinary second = locator.locate(null);

        assertThat(first.source()).isEqualTo("embedded-redis jar");
        assertThat(first.path()).startsWith(tmp).isExecutable();
        assertThat(first.version()).startsWith("Redis server v=6.2");
        assertThat(second.path()).isEqualTo(first.path());
    }

    @Test
    void redisServerOnPathIsPreferredToTheEmbeddedOne() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")), "no /usr/bin/redis-server here");
        RedisBinary found = RedisBinaryLocator.with("/nonexistent:/usr/bin", tmp).locate(null);
        assertThat(found.source()).isEqualTo("PATH");
        assertThat(found.path()).isEqualTo(Path.of("/usr/bin/redis-server"));
    }

    @Test
    void anExplicitBinaryWinsOverEverything() {
        Path embedded = RedisBinaryLocator.with("", tmp).locate(null).path();
        RedisBinary found = RedisBinaryLocator.with("/usr/bin", tmp.resolve("other")).locate(embedded);
        assertThat(found.source()).isEqualTo("redisBinary option");
        assertThat(found.path()).isEqualTo(embedded);
    }
}
