package io.paasruntime.cli.commands;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SinceParserTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void readsDurationsBackFromNow() {
        assertThat(SinceParser.parse("15m", NOW)).contains(Instant.parse("2025-01-01T11:45:00Z"));
        assertThat(SinceParser.parse("90s", NOW)).contains(Instant.parse("2025-01-01T11:58:30Z"));
        assertThat(SinceParser.parse("2h", NOW)).contains(Instant.parse("2025-01-01T10:00:00Z"));
        assertThat(SinceParser.parse("1d", NOW)).contains(Instant.parse("2024-12-31T12:00:00Z"));
        assertThat(SinceParser.parse("1h30m", NOW)).contains(Instant.parse("2025-01-01T10:30:00Z"));
        assertThat(SinceParser.parse("15M", NOW)).contains(Instant.parse("2025-01-01T11:45:00Z"));
    }

    @Test
    void readsIsoInstants() {
        assertThat(SinceParser.parse("2025-01-01T11:00:00Z", NOW)).contains(Instant.parse("2025-01-01T11:00:00Z"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {"", "15", "m", "15 minutes", "yesterday", "-5m", "99999999999999999999d"}) {
            assertThat(SinceParser.parse(bad, NOW)).as(bad).isEmpty();
        }
    }
}
