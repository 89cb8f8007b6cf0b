package io.paasruntime.core.telemetry;

import java.util.Objects;
import java.util.Optional;

/**
 * A log request's parameters as the client wrote them; {@link Telemetry} checks them.
 *
 * @param since  RFC 3339 time or a duration back from now ({@code 15m})
 * @param until  the same forms; lines before it
 * @param q      text the message must contain (case-insensitive)
 * @param limit  1 to 1000 lines, default 100
 * @param cursor the {@code next_cursor} of an earlier page
 */
public record LogRequest(Optional<String> since, Optional<String> until, Optional<String> process, Optional<String> q,
                         Optional<String> limit, Optional<String> cursor) {
    public LogRequest {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(cursor, "cursor");
    }

    /** No parameters: the last 100 lines. */
    public static LogRequest latest() {
        return new LogRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
