package io.faultline.redissentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {

    @Test
    void aNewDirectoryIsNamedByThisJvm(@TempDir Path parent) throws Exception {
        Path dir = WorkDirectory.create(parent);
        assertThat(WorkDirectory.owner(dir.getFileName().toString())).contains(ProcessHandle.current().pid());
    }

    @Test
    void theDirectoryOfADeadJvmIsRemovedAndThatOfALiveOneKept(@TempDir Path parent) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(parent.resolve(WorkDirectory.PREFIX + gone.pid() + "-abc"));
        Files.writeString(Files.createDirectories(dead.resolve("n1")).resolve("redis.log"), "log");
        Path alive = Files.createDirectories(parent.resolve(WorkDirectory.PREFIX + ProcessHandle.current().pid() + "-def"));
        Path foreign = Files.createDirectories(parent.resolve(WorkDirectory.PREFIX + "someone-else"));

        assertThat(WorkDirectory.sweep(parent)).containsExactly(dead);
        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
        assertThat(foreign).exists();
    }
}
