package io.faultline.harness.runner;

import io.faultline.core.checker.Checker;
import io.faultline.core.client.Client;
import io.faultline.core.db.Db;
import io.faultline.core.generator.Generator;
import io.faultline.core.nemesis.Nemesis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one test run needs, already assembled: the system under test, the client prototype,
 * the nemesis, the whole generator (main phase, healing, recovery and final reads), the checker, and
 * where to store the run.
 *
 * @param name        the test's name in the store, e.g. {@code register-partition}
 * @param db          the system under test; set up and closed by the runner
 * @param client      the client prototype; opened once per client thread, closed by the runner
 * @param nemesis     the fault injector; set up and torn down by the runner
 * @param generator   the ops of the whole test
 * @param checker     judges the history
 * @param concurrency client threads
 * @param seed        the generator's seed
 * @param timeLimit   the main phase's length, for the progress line
 * @param store       the store root
 * @param spec        the test's description for {@code test.json} (options, seed, command line)
 */
public record TestSpec(String name, Db db, Client client, Nemesis nemesis, Generator generator, Checker checker,
                       int concurrency, long seed, Duration timeLimit, Path store, Map<String, Object> spec) {

    public TestSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(nemesis, "nemesis");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(store, "store");
        spec = spec == null ? Map.of() : Map.copyOf(spec);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }
}
