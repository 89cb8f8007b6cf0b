package io.paasruntime.spi.telemetry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which lines to read.
 *
 * @param text   substring the message must contain
 * @param cursor a {@link LogPage#nextCursor()} from an earlier page, to read older lines
 */
public record LogQuery(Optional<Instant> since, Optional<Instant> until, Optional<String> process,
                       Optional<String> text, int limit, Optional<String> cursor) {
    public LogQuery {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
    }
}
