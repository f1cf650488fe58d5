package io.faultline.workloads;

import io.faultline.core.generator.Generator;
import io.faultline.core.generator.Generators;
import java.time.Duration;

/** The final phase of workloads that end with a read: one read at a time, retried until one is ok. */
public final class FinalReads {

    /** Attempts before giving up (the checker then says unknown: no ok read). */
    static final int ATTEMPTS = 20;

    private FinalReads() {
    }

    /** {@code :read nil}, once a second, until one completes ok, at most {@value #ATTEMPTS} times. */
    public static Generator of(String f) {
        return Generators.untilOk(Generators.limit(ATTEMPTS,
                Generators.delay(Duration.ofSeconds(1), Generators.repeat(Generators.op(f, null)))));
    }
}
