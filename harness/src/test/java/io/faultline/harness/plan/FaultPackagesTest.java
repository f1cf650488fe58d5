package io.faultline.harness.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faultline.core.db.Db;
import io.faultline.core.net.Grudge;
import io.faultline.core.net.Net;
import io.faultline.core.nemesis.Nemesis;
import io.faultline.core.node.Killable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultPackagesTest {

    private static final Net NO_NET = new Net() {
        @Override
        public void partition(Grudge grudge) {
        }

        @Override
        public void heal() {
        }

        @Override
        public void slow(Duration mean, Duration jitter) {
        }

        @Override
        public void fast() {
        }

        @Override
        public void flaky(double probability) {
        }
    };

    /** A Db that can do nothing but exist. */
    private record Plain(List<String> nodes) implements Db {
        @Override
        public void setup() {
        }

        @Override
        public void close() {
        }
    }

    /** A Db whose nodes can be killed. */
    private record Mortal(List<String> nodes) implements Db, Killable {
        @Override
        public void setup() {
        }

        @Override
        public void close() {
        }

        @Override
        public void kill(String node) {
        }

        @Override
        public void start(String node) {
        }
    }

    private static FaultContext context(Db db, List<String> extraHosts) {
        return new FaultContext(NO_NET, db, extraHosts, "one", new Random(1));
    }

    @Test
    void packagesThatShareANemesisGetItOnceAndTheFsOfEveryChosenOne() {
        Nemesis n = FaultPackages.nemesis(FaultPackages.of(List.of("partition", "zk", "kill", "latency")),
                context(new Mortal(List.of("n1", "n2", "n3")), List.of("zk1")));
        assertThat(n.fs()).containsExactlyInAnyOrder("start-partition", "stop-partition", "kill", "start", "start-slow", "stop-slow");
    }

    @Test
    void aFaultTheDbCannotSufferIsOneLineNamingTheAbility() {
        assertThatThrownBy(() -> FaultPackages.nemesis(FaultPackages.of(List.of("kill")), context(new Plain(List.of("n1", "n2")), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--nemesis kill needs a system whose Db is Killable; this one is not");
        assertThatThrownBy(() -> FaultPackages.nemesis(FaultPackages.of(List.of("zk")), context(new Plain(List.of("n1", "n2")), List.of())))
                .hasMessageContaining("this system has none");
    }

    @Test
    void theVocabularyRecordsOneEntryPerStartAndStopPair() {
        List<Map<String, Object>> described = FaultPackages.describe(FaultPackages.all());
        assertThat(described).extracting(m -> m.get("name")).containsExactly("partition", "kill", "pause", "latency", "flaky", "bandwidth");
        assertThat(described.get(3)).containsEntry("interval", "slow");
    }
}
