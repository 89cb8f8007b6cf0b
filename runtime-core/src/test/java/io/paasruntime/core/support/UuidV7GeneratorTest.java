package io.paasruntime.core.support;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidV7GeneratorTest {

    @Test
    void idsAreVersionSevenAndSortInCreationOrderEvenWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        UuidV7Generator ids = new UuidV7Generator(frozen);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            made.add(ids.next());
        }
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        List<String> asText = made.stream().map(UUID::toString).toList();
        assertThat(asText).isSorted().doesNotHaveDuplicates();
        assertThat(made.getFirst().getMostSignificantBits() >>> 16).isEqualTo(frozen.millis());
    }
}
