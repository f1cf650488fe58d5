package io.faultline.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.plan.TestOptions;
import io.faultline.harness.plan.TestOptionsBuilder;
import io.faultline.harness.schedule.ScheduledFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShrinkPlannerTest {

    private static final ScheduledFault PARTITION = new ScheduledFault(1000, "partition", "primaries", 1000);

    /** Every candidate the planner proposes, each failing when {@code fails} says so. */
    private static List<Candidate> proposals(Candidate start, java.util.function.Predicate<Candidate> fails) {
        ShrinkPlanner planner = new ShrinkPlanner(start);
        List<Candidate> out = new ArrayList<>();
        for (Optional<Candidate> c = planner.next(); c.isPresent(); c = planner.next()) {
            out.add(c.get());
            planner.record(c.get(), fails.test(c.get()));
        }
        return out;
    }

    @Test
    void afterTheClientsItHalvesTheKeysDownToOne() {
        Candidate start = new Candidate(List.of(PARTITION), 3000, 4, 10, 8);
        List<Candidate> tried = proposals(start, c -> true);
        List<Integer> keys = tried.stream().map(Candidate::keys).distinct().toList();
        assertThat(keys).containsExactly(8, 4, 2, 1);
        int firstFewerKeys = tried.indexOf(tried.stream().filter(c -> c.keys() < 8).findFirst().orElseThrow());
        assertThat(tried.get(firstFewerKeys).concurrency()).isEqualTo(1); // clients first
        assertThat(tried.get(firstFewerKeys - 1).keys()).isEqualTo(8);
        assertThat(tried.get(tried.size() - 1).keys()).isEqualTo(1);
        assertThat(tried.get(firstFewerKeys).describe()).contains("1 clients, 4 keys, 10 ops/s");
    }

    @Test
    void keysThatMakeItPassAreKeptAndNoKeysAreNotShrunk() {
        Candidate start = new Candidate(List.of(PARTITION), 3000, 1, 1, 3);
        List<Candidate> tried = proposals(start, c -> c.keys() >= 3);
        assertThat(tried.stream().map(Candidate::keys).distinct().toList()).containsExactly(3, 1);
        assertThat(tried.stream().filter(c -> c.keys() == 1)).hasSize(1); // it passed: one key is not tried again
        Candidate none = new Candidate(List.of(PARTITION), 3000, 1, 1);
        assertThat(proposals(none, c -> true)).extracting(Candidate::keys).containsOnly(0);
    }

    @Test
    void theRegressionTestSetsTheKeysWhenGiven() {
        TestOptions o = new TestOptionsBuilder().workload("register").seed(5).timeLimit(Duration.ofSeconds(3))
                .faults(List.of(PARTITION)).build();
        assertThat(RegressionTest.source(o, "run", "1 of 1", 1)).doesNotContain(".keys(");
        assertThat(RegressionTest.source(o.withKeys(2), "run", "1 of 1", 1)).contains(".concurrency(0).keys(2).rate(100)");
    }
}
