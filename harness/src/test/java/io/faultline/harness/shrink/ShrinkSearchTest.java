package io.faultline.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import io.faultline.harness.schedule.ScheduledFault;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShrinkSearchTest {

    private static final ScheduledFault KILL = new ScheduledFault(4_000, "kill", null, 4_000);
    private static final ScheduledFault PARTITION = new ScheduledFault(12_000, "partition", "primaries", 4_000);
    private static final ScheduledFault PAUSE = new ScheduledFault(20_000, "pause", null, 4_000);
    private static final Candidate ORIGINAL = new Candidate(List.of(KILL, PARTITION, PAUSE), 30_000, 10, 100);

    /** A fake system: loses writes whenever its schedule partitions, and each run takes 30 s of a fake clock. */
    private final AtomicLong clock = new AtomicLong();

    private ShrinkSearch.TryResult lostWhenPartitioned(Candidate c) {
        clock.addAndGet(30_000);
        boolean partitioned = c.schedule().stream().anyMatch(f -> f.fault().equals("partition") && c.timeLimitMillis() > f.atMillis());
        return new ShrinkSearch.TryResult(partitioned ? List.of("set/lost") : List.of(), "");
    }

    @Test
    void shrinksThreeFaultsToTheOneThatMatters() throws Exception {
        ShrinkSearch search = new ShrinkSearch(this::lostWhenPartitioned, Set.of("set/lost"), 3, 3_600_000, clock::get,
                (step, best, runs, elapsed) -> { });

        ShrinkSearch.Outcome outcome = search.search(ORIGINAL);

        assertThat(outcome.best().schedule()).extracting(ScheduledFault::fault).containsExactly("partition");
        assertThat(outcome.best().timeLimitMillis()).isLessThan(ORIGINAL.timeLimitMillis());
        assertThat(outcome.best().concurrency()).isEqualTo(1);
        assertThat(outcome.bestVerdict().reproduced()).isEqualTo("3 of 3");
        assertThat(outcome.steps()).last().extracting(ShrinkSearch.Step::phase).isEqualTo("final");
    }

    @Test
    void aCandidateFailingWithAnotherKindDoesNotCount() throws Exception {
        ShrinkSearch search = new ShrinkSearch(c -> new ShrinkSearch.TryResult(
                c.equals(ORIGINAL) ? List.of("set/lost") : List.of("set/unexpected"), ""), Set.of("set/lost"), 2, 3_600_000,
                clock::get, (step, best, runs, elapsed) -> { });

        ShrinkSearch.Outcome outcome = search.search(ORIGINAL);

        assertThat(outcome.best()).isEqualTo(ORIGINAL);
        assertThat(outcome.steps()).filteredOn(s -> s.phase().equals("search")).allMatch(s -> !s.verdict().failed());
    }

    @Test
    void theBudgetEndsTheSearchWithTheBestSoFarAndRoomForTheFinalCheck() throws Exception {
        ShrinkSearch search = new ShrinkSearch(this::lostWhenPartitioned, Set.of("set/lost"), 3, 300_000, clock::get,
                (step, best, runs, elapsed) -> { });

        ShrinkSearch.Outcome outcome = search.search(ORIGINAL);

        assertThat(outcome.budgetSpent()).isTrue();
        assertThat(outcome.best().schedule()).hasSizeLessThan(3);
        assertThat(outcome.elapsedMillis()).as("a candidate and the final check were reserved").isLessThanOrEqualTo(300_000);
    }

    @Test
    void stoppedItKeepsTheBestSoFarAndSkipsTheFinalCheck() throws Exception {
        ShrinkSearch[] search = new ShrinkSearch[1];
        search[0] = new ShrinkSearch(this::lostWhenPartitioned, Set.of("set/lost"), 3, 3_600_000, clock::get,
                (step, best, runs, elapsed) -> { if (best.schedule().size() == 1) search[0].stop(); });

        ShrinkSearch.Outcome outcome = search[0].search(ORIGINAL);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.best().schedule()).extracting(ScheduledFault::fault).containsExactly("partition");
        assertThat(outcome.steps()).noneMatch(s -> s.phase().equals("final"));
    }
}
