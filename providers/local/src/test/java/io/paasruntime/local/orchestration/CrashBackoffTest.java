package io.paasruntime.local.orchestration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrashBackoffTest {

    @Test
    void doublesFromOneSecondUpToAMinuteAndResetsAfterALongRun() {
        CrashBackoff backoff = new CrashBackoff();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next(Duration.ofMillis(200)).toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
        assertThat(backoff.next(Duration.ofSeconds(61))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(2));
    }
}
