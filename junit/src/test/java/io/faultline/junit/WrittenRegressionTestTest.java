package io.faultline.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.shrink.RegressionTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression test {@code faultline shrink} writes is a JUnit test of this module's extension, ready to paste. */
class WrittenRegressionTestTest {

    private static TestOptions shrunk() {
        return new TestOptionsBuilder().workload("set").option("replication", "async").option("on-lease-loss", "keep")
                .timeLimit(Duration.ofSeconds(8)).concurrency(4).keys(2).rate(50).seed(7)
                .faults("[{:at 2000, :fault \"partition\", :args \"primaries\", :duration 3000}]").build();
    }

    @Test
    void compilesAgainstTheExtensionAsWritten(@TempDir Path dir) throws Exception {
        Path source = dir.resolve(RegressionTest.CLASS + ".java");
        Files.writeString(source, RegressionTest.source(shrunk(), "store/set/1", "2 of 3", 3));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int rc = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(),
                source.toString());

        assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve(RegressionTest.CLASS + ".class")).exists();
    }

    @Test
    void runsTheSettingsAsManyTimesAsTheShrinkTriedAndFailsAtTheFirstInvalidRun() {
        String source = RegressionTest.source(shrunk(), "store/set/1", "2 of 3", 3);

        assertThat(source).contains("private static final int TRIES = 3;")
                .contains("for (int run = 1; run <= TRIES; run++)")
                .contains(".as(\"run %d of at most %d\", run, TRIES).isValid()");
    }

    @Test
    void carriesTheShrunkSettingsAndSchedule() {
        String source = RegressionTest.source(shrunk(), "store/set/1", "2 of 3", 1);

        assertThat(source).contains(".workload(\"set\")").contains(".option(\"replication\", \"async\")")
                .contains(".timeLimit(Duration.ofMillis(8000))").contains(".concurrency(4).keys(2).rate(50)").contains(".seed(7L)").contains(":fault \\\"partition\\\"")
                .contains("private static final int TRIES = 1;");
    }
}
