package io.faultline.harness.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultScheduleCodecTest {

    @Test
    void readsEdnWithUnitsAndMillis() {
        List<ScheduledFault> s = FaultScheduleCodec.parse(
                "[{:at \"5s\", :fault :partition, :args \"primaries\", :duration 10000} {:at 500, :fault \"kill\", :duration \"1.5s\"}]",
                false, "f.edn");
        assertThat(s).containsExactly(new ScheduledFault(5000, "partition", "primaries", 10000),
                new ScheduledFault(500, "kill", null, 1500));
    }

    @Test
    void readsJson() {
        assertThat(FaultScheduleCodec.parse("[{\"at\": \"1m\", \"fault\": \"pause\", \"args\": [\"n1\", \"n2\"], \"duration\": 200}]",
                true, "f.json")).containsExactly(new ScheduledFault(60_000, "pause", List.of("n1", "n2"), 200));
    }

    @Test
    void writesWhatItReads() {
        List<ScheduledFault> s = List.of(new ScheduledFault(4018, "partition", "primaries", 4096), new ScheduledFault(9000, "kill", List.of("n1"), 10));
        assertThat(FaultScheduleCodec.parse(FaultScheduleCodec.toEdn(s, List.of("x")), false, "faults.edn")).isEqualTo(s);
    }

    @Test
    void aMalformedScheduleIsOneLineNamingTheInput() {
        assertThatThrownBy(() -> FaultScheduleCodec.parse("[{:at 1 :fault", false, "--faults f.edn"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageStartingWith("--faults f.edn: not valid EDN")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> FaultScheduleCodec.parse("[{:at 1 :fault \"kill\"}]", false, "--faults f.edn"))
                .hasMessageContaining("entry 1: missing 'duration'");
        assertThatThrownBy(() -> FaultScheduleCodec.parse("[{:at \"soon\" :fault \"kill\" :duration 5}]", false, "--faults f.edn"))
                .hasMessageContaining("entry 1: at must be milliseconds");
        assertThatThrownBy(() -> FaultScheduleCodec.parse("{:at 1}", false, "--faults f.edn"))
                .hasMessageContaining("expected a list");
    }
}
