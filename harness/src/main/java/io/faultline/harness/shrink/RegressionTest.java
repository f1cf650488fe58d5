package io.faultline.harness.shrink;

import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.schedule.FaultScheduleCodec;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The source of a JUnit 5 regression test for a shrunk failing test: one {@code @Test} that runs exactly
 * those settings (system and its options, runtime, workload, seed, time limit, recovery, clients, rate and
 * the explicit fault schedule) through {@code FaultlineExtension}, up to as many times as the shrink tried
 * each candidate, and asserts every run is valid. It follows the shrink's rule (a test fails when one of its
 * tries does): it stops at the first invalid run and fails with its verdict, and passes only when all runs are
 * valid, so while the system has the bug it fails with the probability the shrink measured, or more. Ready to
 * paste into a project that depends on {@code faultline-junit}.
 */
public final class RegressionTest {

    /** The class name of the written test. */
    public static final String CLASS = "RegressionIT";

    private RegressionTest() {
    }

    /**
     * @param o        the shrunk test's options (with its schedule)
     * @param original the run it was shrunk from, for the comment
     * @param reproduced how often it failed, e.g. {@code 3 of 3}
     * @param tries    how many times the test runs the settings at most (the shrink's {@code --tries}), at least 1
     */
    public static String source(TestOptions o, String original, String reproduced, int tries) {
        if (tries < 1) throw new IllegalArgumentException("tries must be >= 1, was " + tries);
        StringBuilder b = new StringBuilder();
        b.append("import io.faultline.harness.runner.TestOutcome;\n")
                .append("import io.faultline.junit.FaultlineAssertions;\n")
                .append("import io.faultline.junit.FaultlineExtension;\n")
                .append("import io.faultline.junit.FaultlineTests;\n")
                .append("import java.time.Duration;\n")
                .append("import org.junit.jupiter.api.Test;\n")
                .append("import org.junit.jupiter.api.extension.ExtendWith;\n\n")
                .append("/**\n * Written by faultline shrink from ").append(original).append(".\n")
                .append(" * The smallest test found that still failed (").append(reproduced).append(" tries); it fails while the bug is there.\n */\n")
                .append("@ExtendWith(FaultlineExtension.class)\n")
                .append("class ").append(CLASS).append(" {\n\n")
                .append("    /** Runs of the settings at most, as the shrink tried each candidate: the test fails when one is invalid. */\n")
                .append("    private static final int TRIES = ").append(tries).append(";\n\n")
                .append("    @Test\n")
                .append("    void ").append(method(o)).append("(FaultlineTests faultline) {\n")
                .append("        for (int run = 1; run <= TRIES; run++) {\n")
                .append("            TestOutcome outcome = faultline.run(t -> t.system(").append(str(o.system().name())).append(")\n")
                .append("                    .runtime(").append(str(o.runtime())).append(").workload(").append(str(o.workload())).append(")\n");
        o.systemOptions().values().forEach((k, v) -> {
            if (!v.isEmpty()) b.append("                    .option(").append(str(k)).append(", ").append(str(v)).append(")\n");
        });
        b.append("                    .partition(").append(str(o.partition())).append(").target(").append(str(o.target())).append(")\n")
                .append("                    .timeLimit(Duration.ofMillis(").append(o.timeLimit().toMillis()).append("))")
                .append(".recovery(Duration.ofMillis(").append(o.recovery().toMillis()).append("))\n")
                .append("                    .concurrency(").append(o.concurrency()).append(")")
                .append(o.keys() > 0 ? ".keys(" + o.keys() + ")" : "").append(".rate(").append(rate(o.rate()))
                .append(").seed(").append(o.seed()).append("L)\n")
                .append("                    .faults(").append(str(FaultScheduleCodec.toEdn(o.schedule() == null ? List.of() : o.schedule(), null)
                        .strip().replace("\n", " "))).append("));\n")
                .append("            FaultlineAssertions.assertThat(outcome).as(\"run %d of at most %d\", run, TRIES).isValid();\n")
                .append("        }\n")
                .append("    }\n}\n");
        return b.toString();
    }

    private static String method(TestOptions o) {
        String faults = o.schedule() == null ? "" : o.schedule().stream().map(f -> f.fault()).distinct()
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1)).collect(Collectors.joining("And"));
        String w = o.workload();
        return (w + "StaysValidUnder" + (faults.isEmpty() ? "NoFaults" : faults)).replaceAll("[^A-Za-z0-9]", "");
    }

    private static String rate(double r) {
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%s", r);
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
