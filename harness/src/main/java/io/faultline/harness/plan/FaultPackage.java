package io.faultline.harness.plan;

import io.faultline.core.generator.FaultKind;
import io.faultline.core.nemesis.Nemesis;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One kind of fault, declared once (as Jepsen's combined nemesis packages): its name on the command
 * line, the nemesis that carries it out, the {@code f}s that start and stop it, the scheduled fault it
 * makes (its generator's ops), the final heal (its stop op, run after the main phase), and how the
 * report draws its interval. {@code faultline test} and {@code faultline fault} use the same nemeses.
 *
 * @param name     e.g. {@code partition}
 * @param nemesis  which nemesis carries it out, e.g. {@code partition} (kinds that share one nemesis
 *                 name it alike; the plan makes each nemesis once)
 * @param startF   the f that starts it, e.g. {@code start-partition}
 * @param stopF    the f that ends it (and heals it at the end), e.g. {@code stop-partition}
 * @param interval the kind of interval the report draws from a {@code startF} to the next {@code stopF}
 * @param needs    the ability of the Db or the system it needs, for the message when it is missing; or null
 * @param make     makes the nemesis from the context
 * @param schedule the scheduled fault from the test's options
 */
public record FaultPackage(String name, String nemesis, String startF, String stopF, String interval, String needs,
                           Function<FaultContext, Nemesis> make, Function<TestOptions, FaultKind> schedule) {

    public FaultPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nemesis, "nemesis");
        Objects.requireNonNull(startF, "startF");
        Objects.requireNonNull(stopF, "stopF");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(make, "make");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** How {@code test.json} records it and the report reads it: {@code name}, {@code start}, {@code stop}, {@code interval}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("start", startF);
        m.put("stop", stopF);
        m.put("interval", interval);
        return m;
    }
}
